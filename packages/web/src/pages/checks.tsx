/** Checks (#/checks): the findings page, findings as work items (findings/findings-page.tsx). */
export { FindingsPage as ChecksPage } from './findings/findings-page';

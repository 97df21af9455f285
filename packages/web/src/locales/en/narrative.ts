/**
 * The Narrative page (#/narrative; docs/report.md, "Editing narrative") in English, i18next
 * namespace `narrative`. `{name}` marks a value filled in by t().
 */
export const narrative = {
  title: 'Narrative',
  intro:
    'The text of each report section, in English and Chinese. Numbers are not typed: pick a figure and its placeholder goes in at the cursor; the report prints the figure there, as its tables print it.',
  sections: 'Sections',
  version: 'version {version}',
  versionShort: 'v{version}',
  en: 'English',
  zh: 'Chinese (Traditional)',
  reason: 'Why (optional)',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved as version {version}.',
  unsaved: 'not saved',
  readOnly: 'You may read this text; saving needs the administrator role on the group.',
  required: 'Give the {lang} text.',
  tooLong: 'At most 20,000 characters.',
  picker: 'Insert a figure',
  pickerSearch: 'Search figures by indicator, entity or year',
  pickerInto: 'Goes into the {lang} text at the cursor.',
  pickerNone: 'No figure matches.',
  pickerMore: '{count} more: narrow the search.',
  preview: 'Preview: as the report prints it',
  previewWaiting: 'Preparing the preview…',
  unresolved: 'A placeholder names no figure of the report: it prints as marked.',
  unbound:
    'Numbers typed without a figure ({lang}): {numbers}. The checker reports them; pick the figure instead.',
  'refused.stale':
    'Someone saved this section meanwhile (now version {version}). Your text is kept here; compare it with theirs below, then save yours over it or copy what you need.',
  'refused.forbidden': 'Your role may not change narrative text.',
  'refused.invalid': 'The server refused a field: {field}.',
  theirs: 'The text saved now (version {version})',
  saveOver: 'Save my text over version {version}',
};

/** Test helpers for other packages' tests (`@assay/app/testing`): a real SMTP server that keeps what it receives. */

export { type CapturedMail, type SmtpCapture, startSmtpCapture } from './smtp-capture.js';

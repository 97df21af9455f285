/**
 * "My security" (pages/security/: changing one's password, recovery codes) and the sign-in
 * page's recovery-code step, in English; i18next namespace `security`.
 */
export const security = {
  // Changing one's password (PUT /api/session/password).
  passwordTitle: 'Change password',
  passwordPolicy:
    'A password needs at least 12 characters. Any characters may be used, spaces and Chinese characters included; there are no other rules. A long phrase is easy to remember and hard to guess.',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordAgain: 'New password again',
  changePassword: 'Change password',
  changing: 'Changing…',
  passwordChanged:
    'Your password is changed. Every other session of yours (other browsers and devices) has been signed out; this one stays signed in.',
  currentRequired: 'Enter your current password.',
  currentWrong: 'The current password is wrong.',
  newTooShort: 'The new password needs at least 12 characters.',
  newTooLong: 'The new password is too long: at most 1,024 bytes.',
  newRefused: 'The new password was not accepted.',
  againDifferent: 'The two new passwords are not the same.',
  throttledWait: 'Too many failed attempts: try again in {seconds} s.',
  throttled: 'Too many failed attempts: try again later.',
  tokenRefused: 'A password is changed from a signed-in session, not with an API token.',
  noAccount: 'This session has no user account, so there is no password to change.',
  ssoOnly: 'This account signs in with single sign-on: it has no password here to change.',
  refused: 'The password was not changed.',
  serverSaid: 'The server says:',

  // Recovery codes (GET/POST /api/session/totp/recovery-codes).
  recoveryTitle: 'Recovery codes',
  recoveryIntro:
    'If you lose the phone with your authenticator app, a recovery code lets you sign in once in place of the 6-digit code. Keep them somewhere safe and apart from the phone: printed, or in a password manager.',
  unused: 'Unused recovery codes: {count}',
  noneLeft: 'You have no unused recovery codes: make a list now, so that a lost phone does not lock you out.',
  makeHint: 'To make a new list, enter a current 6-digit code from your authenticator app:',
  makeWarning: 'A new list replaces the old one: the old codes stop working.',
  makeCodes: 'Make new recovery codes',
  making: 'Making…',
  codeFormat: 'Enter the 6 digits of the code.',
  codeWrong: 'The code is wrong or was already used: wait for the next code in the app and try again.',
  notEnrolled: 'Recovery codes belong to a second factor, and this account has none now.',
  newCodes: 'Your new recovery codes',
  newCodesWarning:
    'The old codes have stopped working. These are shown only this once: copy them, download them or write them down now. Each one works once.',
  codesLabel: 'Recovery codes, one per line',
  copyAll: 'Copy all',
  download: 'Download as text',
  hideCodes: 'I have kept them: hide',
  fileTitle: 'Assay recovery codes for {email}',
  fileMade: 'Made {at}. Each code signs in once in place of the 6-digit code; a new list replaces this one.',

  // The sign-in page's second-factor step (pages/sign-in.tsx).
  recoveryInstead: 'Lost your phone? You may type one of your recovery codes instead of the 6-digit code.',
  recoveryNeeded: 'Enter one of your recovery codes. Each works once: it is used up by signing in.',
  useRecoveryCode: 'Use a recovery code',
  useAppCode: 'Use the 6-digit code',
  recoveryCode: 'Recovery code',
  recoveryFormat: 'A recovery code has 16 letters and digits, like K7QM-2XJD-P4RA-WN6T.',
  recoveryWrong: 'This recovery code is wrong or was already used.',
};

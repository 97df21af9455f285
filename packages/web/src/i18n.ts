/** UI text in Traditional Chinese and English. Keys are stable; every key exists in both. */
import { createContext, useContext } from 'react';

export type Lang = 'zh-Hant' | 'en';
export type Localised = { 'zh-Hant': string; en: string };

const TEXT = {
  appTitle: { 'zh-Hant': 'Assay ESG 數據平台', en: 'Assay ESG data' },
  overview: { 'zh-Hant': '概覽', en: 'Overview' },
  data: { 'zh-Hant': '數據', en: 'Data' },
  figures: { 'zh-Hant': '數據溯源', en: 'Figure explorer' },
  checks: { 'zh-Hant': '檢查', en: 'Checks' },
  disclosures: { 'zh-Hant': '披露', en: 'Disclosures' },
  report: { 'zh-Hant': '報告', en: 'Report' },
  language: { 'zh-Hant': 'English', en: '中文' },
  loading: { 'zh-Hant': '載入中…', en: 'Loading…' },
  headlines: { 'zh-Hant': '集團主要指標', en: 'Group headline figures' },
  prior: { 'zh-Hant': '上年', en: 'Prior year' },
  change: { 'zh-Hant': '變動', en: 'Change' },
  noHeadlines: { 'zh-Hant': '尚無集團層面的數據。', en: 'No group-level figures yet.' },
  emissionsByScope: { 'zh-Hant': '按範疇劃分的排放', en: 'Emissions by scope' },
  emissionsByEntity: { 'zh-Hant': '按實體劃分的排放', en: 'Emissions by entity' },
  emissionsBySource: { 'zh-Hant': '按排放源劃分的範疇一排放', en: 'Scope 1 by source' },
  energyMix: { 'zh-Hant': '能源結構', en: 'Energy mix' },
  targets: { 'zh-Hant': '目標及進度', en: 'Targets and progress' },
  openFindings: { 'zh-Hant': '未解決的檢查結果', en: 'Open findings' },
  completeness: { 'zh-Hant': '各框架披露完整度', en: 'Completeness by framework' },
  notCalculated: {
    'zh-Hant': '數據中沒有此項細分的數字。',
    en: 'The data has no figures for this breakdown.',
  },
  entity: { 'zh-Hant': '實體', en: 'Entity' },
  period: { 'zh-Hant': '期間', en: 'Period' },
  indicator: { 'zh-Hant': '指標', en: 'Indicator' },
  breakdown: { 'zh-Hant': '細分', en: 'Breakdown' },
  value: { 'zh-Hant': '數值', en: 'Value' },
  unit: { 'zh-Hant': '單位', en: 'Unit' },
  source: { 'zh-Hant': '來源', en: 'Source' },
  version: { 'zh-Hant': '版本', en: 'Version' },
  reason: { 'zh-Hant': '修改原因', en: 'Reason for changes' },
  reasonHint: { 'zh-Hant': '例如：按審計後賬目更正', en: 'e.g. corrected to the audited accounts' },
  reasonNeeded: { 'zh-Hant': '請先填寫修改原因。', en: 'Enter a reason for the change first.' },
  saved: { 'zh-Hant': '已儲存', en: 'Saved' },
  badNumber: {
    'zh-Hant': '請輸入數字，例如 1234.5（不要千位分隔符）',
    en: 'Enter a number such as 1234.5 (no thousands separators)',
  },
  staleVersion: {
    'zh-Hant': '其他人已修改此數據，已重新載入。',
    en: 'Someone changed this value meanwhile; reloaded.',
  },
  // A save that did not go through (pages/save-failure.tsx): {by} author, {at} time, values with units.
  conflictChanged: {
    'zh-Hant': '{by} 已於 {at} 將此數值改為 {theirs}；您輸入的值：{mine}',
    en: 'Changed by {by} at {at} to {theirs}; your value: {mine}',
  },
  conflictRetracted: {
    'zh-Hant': '{by} 已於 {at} 撤回此數據；您輸入的值：{mine}',
    en: 'Retracted by {by} at {at}; your value: {mine}',
  },
  useMine: { 'zh-Hant': '採用我的值', en: 'Use mine' },
  keepTheirs: { 'zh-Hant': '保留對方的值', en: 'Keep theirs' },
  saveFailed: {
    'zh-Hant': '未能儲存：{message}；您輸入的值：{mine}',
    en: 'Not saved: {message}; your value: {mine}',
  },
  tryAgain: { 'zh-Hant': '重試', en: 'Try again' },
  discardMine: { 'zh-Hant': '放棄我的值', en: 'Discard mine' },
  networkError: { 'zh-Hant': '無法連線到伺服器', en: 'The server could not be reached' },
  keptRow: {
    'zh-Hant': '已不在此清單中；待您選擇後才移除',
    en: 'No longer in this list; kept until you choose',
  },
  retract: { 'zh-Hant': '撤回', en: 'Retract' },
  retractConfirm: { 'zh-Hant': '確認撤回？', en: 'Confirm retract?' },
  retractHint: {
    'zh-Hant': '撤回錯誤錄入的數據：保留修訂記錄，重新匯入可恢復。',
    en: 'Withdraw a value that should not be there: its history is kept; importing it again restores it.',
  },
  changedFigures: { 'zh-Hant': '受影響的數字', en: 'Figures that changed' },
  noChanges: {
    'zh-Hant': '修改數值後，受影響的數字會列在這裡。',
    en: 'Edit a value and the figures it changes are listed here.',
  },
  importCsv: { 'zh-Hant': '匯入 CSV 或 XLSX', en: 'Import CSV or XLSX' },
  chooseFile: { 'zh-Hant': '選擇檔案', en: 'Choose file' },
  template: { 'zh-Hant': '下載填報範本', en: 'Download entry template' },
  exportCsv: { 'zh-Hant': '匯出數據', en: 'Export data' },
  preview: { 'zh-Hant': '預覽變更', en: 'Preview of changes' },
  apply: { 'zh-Hant': '套用匯入', en: 'Apply import' },
  applied: { 'zh-Hant': '已匯入', en: 'Imported' },
  rowErrors: {
    'zh-Hant': '以下行有錯誤，修正後才能匯入：',
    en: 'These rows have errors; fix them to import:',
  },
  row: { 'zh-Hant': '行', en: 'Row' },
  sheet: { 'zh-Hant': '工作表', en: 'Sheet' },
  column: { 'zh-Hant': '欄', en: 'Column' },
  problem: { 'zh-Hant': '問題', en: 'Problem' },
  action: { 'zh-Hant': '動作', en: 'Action' },
  before: { 'zh-Hant': '原值', en: 'Before' },
  after: { 'zh-Hant': '新值', en: 'After' },
  add: { 'zh-Hant': '新增', en: 'add' },
  unchanged: { 'zh-Hant': '不變', en: 'unchanged' },
  search: { 'zh-Hant': '搜尋數字（指標、實體）', en: 'Search figures (indicator, entity)' },
  derivation: { 'zh-Hant': '計算過程', en: 'Derivation' },
  evidence: { 'zh-Hant': '證明文件', en: 'Evidence' },
  factor: { 'zh-Hant': '因子', en: 'Factor' },
  status: { 'zh-Hant': '狀態', en: 'Status' },
  pickFigure: { 'zh-Hant': '選擇一個數字查看其來源。', en: 'Pick a figure to see where it comes from.' },
  severity: { 'zh-Hant': '嚴重程度', en: 'Severity' },
  rule: { 'zh-Hant': '規則', en: 'Rule' },
  all: { 'zh-Hant': '全部', en: 'All' },
  noFindings: { 'zh-Hant': '沒有符合條件的檢查結果。', en: 'No findings match.' },
  explanations: { 'zh-Hant': '未披露事項的解釋', en: 'Explanations for omissions' },
  subject: { 'zh-Hant': '條文編號', en: 'Provision' },
  save: { 'zh-Hant': '儲存', en: 'Save' },
  download: { 'zh-Hant': '下載', en: 'Download' },
  reportLang: { 'zh-Hant': '報告語言', en: 'Report language' },
  error: { 'zh-Hant': '出錯了', en: 'Something went wrong' },
  sevError: { 'zh-Hant': '錯誤', en: 'Errors' },
  sevWarning: { 'zh-Hant': '警告', en: 'Warnings' },
  sevInfo: { 'zh-Hant': '提示', en: 'Notes' },
  expectedActual: { 'zh-Hant': '預期 / 實際', en: 'Expected / actual' },
  location: { 'zh-Hant': '位置', en: 'Where' },
  disclosed: { 'zh-Hant': '已披露', en: 'Disclosed' },
  partlyDisclosed: { 'zh-Hant': '部分披露', en: 'Partly disclosed' },
  explained: { 'zh-Hant': '已解釋', en: 'Explained' },
  missing: { 'zh-Hant': '未披露', en: 'Missing' },
  obligation: { 'zh-Hant': '責任', en: 'Obligation' },
  explain: { 'zh-Hant': '撰寫解釋', en: 'Explain' },
  where: { 'zh-Hant': '披露位置', en: 'Disclosed in' },
  provisionFilter: { 'zh-Hant': '只顯示未披露', en: 'Only missing' },
  catalogue: { 'zh-Hant': '指標目錄', en: 'Indicator catalogue' },
  catalogueIntro: {
    'zh-Hant': '填報範本中每個指標的編號、單位、細分維度及小數位；計算指標由系統根據填報數據得出，毋須填報。',
    en: 'Every indicator in the entry template with its id, unit, breakdowns and decimals; calculated indicators are derived from the entered data and are not filled in.',
  },
  catalogueSearch: {
    'zh-Hant': '搜尋編號或名稱（中文或英文）',
    en: 'Search by id or name (Chinese or English)',
  },
  kind: { 'zh-Hant': '類型', en: 'Kind' },
  kindInput: { 'zh-Hant': '填報', en: 'Entered' },
  kindDerived: { 'zh-Hant': '計算', en: 'Calculated' },
  id: { 'zh-Hant': '編號', en: 'Id' },
  unitDimension: { 'zh-Hant': '單位（量綱）', en: 'Unit (dimension)' },
  axes: { 'zh-Hant': '細分維度', en: 'Breakdowns' },
  precision: { 'zh-Hant': '小數位', en: 'Decimals' },
  citedBy: { 'zh-Hant': '引用條文', en: 'Cited by' },
  currentData: { 'zh-Hant': '本期數據', en: 'Data this period' },
  dataPoint: { 'zh-Hant': '筆數據', en: 'data point' },
  dataPoints: { 'zh-Hant': '筆數據', en: 'data points' },
  entityCount: { 'zh-Hant': '個實體', en: 'entity' },
  entitiesCount: { 'zh-Hant': '個實體', en: 'entities' },
  groupValue: { 'zh-Hant': '集團', en: 'Group' },
  noData: { 'zh-Hant': '未有數據', en: 'No data' },
  none: { 'zh-Hant': '無', en: 'none' },
  shown: { 'zh-Hant': '顯示指標數', en: 'Indicators shown' },
  noMatch: { 'zh-Hant': '沒有符合條件的指標。', en: 'No indicator matches.' },
  // Accounts, sessions and permissions (issue #16)
  localUser: { 'zh-Hant': '本機使用者（尚未設帳戶）', en: 'local user (no accounts yet)' },
  signIn: { 'zh-Hant': '登入', en: 'Sign in' },
  signInTitle: { 'zh-Hant': '登入 Assay', en: 'Sign in to Assay' },
  signingIn: { 'zh-Hant': '登入中…', en: 'Signing in…' },
  signOut: { 'zh-Hant': '登出', en: 'Sign out' },
  email: { 'zh-Hant': '電郵', en: 'Email' },
  password: { 'zh-Hant': '密碼', en: 'Password' },
  badCredentials: { 'zh-Hant': '電郵或密碼不正確。', en: 'The email or password is not right.' },
  accountDisabled: {
    'zh-Hant': '此帳戶已停用，請聯絡管理員。',
    en: 'This account is disabled; ask an administrator.',
  },
  throttledWait: {
    'zh-Hant': '嘗試次數過多，請於 {seconds} 秒後再試。',
    en: 'Too many attempts; try again in {seconds} s.',
  },
  throttled: { 'zh-Hant': '嘗試次數過多，請稍後再試。', en: 'Too many attempts; try again later.' },
  // Single sign-on (GET /api/session/oidc/start); {label} is the provider's name from the server.
  signInWith: { 'zh-Hant': '以 {label} 登入', en: 'Sign in with {label}' },
  signInOr: { 'zh-Hant': '或', en: 'or' },
  ssoRefused: {
    'zh-Hant': '單一登入未能讓您登入：沒有使用該電郵的有效帳戶。帳戶由管理員建立，請聯絡管理員。',
    en: 'Single sign-on did not sign you in: no enabled account has that email. Accounts are made by an administrator; ask one.',
  },
  ssoFailed: {
    'zh-Hant': '單一登入未能完成，請再試一次。',
    en: 'Single sign-on could not be completed; try again.',
  },
  sessionEnded: {
    'zh-Hant': '您的登入已結束，請重新登入；頁面上已輸入的內容會保留。',
    en: 'Your session has ended: sign in again. What you typed on the page is kept.',
  },
  noAccess: { 'zh-Hant': '您的角色無權查看此頁。', en: 'Your roles do not give access to this page.' },
  noRoles: {
    'zh-Hant': '您尚未獲授任何角色，請聯絡管理員。',
    en: 'You hold no role yet; ask an administrator to grant you one.',
  },
  admin: { 'zh-Hant': '使用者及權限', en: 'Users and roles' },
  users: { 'zh-Hant': '使用者', en: 'Users' },
  name: { 'zh-Hant': '姓名', en: 'Name' },
  state: { 'zh-Hant': '狀態', en: 'State' },
  active: { 'zh-Hant': '使用中', en: 'Active' },
  disabled: { 'zh-Hant': '已停用', en: 'Disabled' },
  role: { 'zh-Hant': '角色', en: 'Role' },
  roles: { 'zh-Hant': '角色', en: 'Roles' },
  noGrants: { 'zh-Hant': '尚無角色', en: 'no roles' },
  you: { 'zh-Hant': '（您）', en: '(you)' },
  addUser: { 'zh-Hant': '新增使用者', en: 'Add a user' },
  passwordOptional: {
    'zh-Hant': '密碼（可留空，之後以 assay user password 設定）',
    en: 'Password (may be left empty and set later with assay user password)',
  },
  userAdded: { 'zh-Hant': '已新增使用者', en: 'User added' },
  grantRole: { 'zh-Hant': '授予權限', en: 'Grant' },
  revoke: { 'zh-Hant': '撤銷', en: 'Revoke' },
  disable: { 'zh-Hant': '停用', en: 'Disable' },
  enable: { 'zh-Hant': '啟用', en: 'Enable' },
  firstUserNote: {
    'zh-Hant':
      '新增第一位使用者後便會啟用帳戶：此後每個人都須登入，並只可做其角色容許的事。第一位使用者會成為整個集團的管理員，請為其設定密碼以便登入。',
    en: 'Adding the first user turns accounts on: from then on everyone signs in and may do only what their roles allow. The first user becomes administrator of the whole group: give them a password so that they can sign in.',
  },
  roleAdministrator: { 'zh-Hant': '管理員', en: 'Administrator' },
  rolePreparer: { 'zh-Hant': '填報人', en: 'Preparer' },
  roleReviewer: { 'zh-Hant': '審核人', en: 'Reviewer' },
  roleApprover: { 'zh-Hant': '審批人', en: 'Approver' },
  roleAssurer: { 'zh-Hant': '鑒證人員', en: 'Assurer' },
  roleViewer: { 'zh-Hant': '檢視者', en: 'Viewer' },
  // The page of your own account's security (#/tokens): second factor and API tokens.
  tokens: { 'zh-Hant': '我的帳戶安全', en: 'My security' },
  mySecurity: { 'zh-Hant': '我的帳戶安全', en: 'My account security' },
  myTokens: { 'zh-Hant': '我的 API 存取權杖', en: 'My API tokens' },
  tokensIntro: {
    'zh-Hant':
      '供程式及 CI 使用：以 Authorization: Bearer assay_… 傳送。權杖的權限不會超過您本人現有的角色；停用帳戶後權杖即失效。',
    en: 'For scripts and CI: send it as Authorization: Bearer assay_…. A token never holds more than your current roles, and stops when your account is disabled.',
  },
  label: { 'zh-Hant': '標籤', en: 'Label' },
  labelHint: { 'zh-Hant': '例如：每月匯入腳本', en: 'e.g. monthly import script' },
  tokenRolesHint: {
    'zh-Hant': '勾選角色可將權杖限制於這些角色；不勾選即擁有您的全部角色。',
    en: 'Tick roles to limit the token to them; none ticked: all your roles.',
  },
  allRoles: { 'zh-Hant': '您的全部角色', en: 'all your roles' },
  createdAt: { 'zh-Hant': '建立時間', en: 'Created' },
  createToken: { 'zh-Hant': '建立權杖', en: 'Create token' },
  newToken: { 'zh-Hant': '新的存取權杖', en: 'New API token' },
  tokenShownOnce: {
    'zh-Hant': '請立即複製並妥善保存此權杖：它不會再次顯示。',
    en: 'Copy this token now and keep it safe: it will not be shown again.',
  },
  copy: { 'zh-Hant': '複製', en: 'Copy' },
  copied: { 'zh-Hant': '已複製', en: 'Copied' },
  noTokens: { 'zh-Hant': '尚無存取權杖。', en: 'No API tokens yet.' },
  revokedOn: { 'zh-Hant': '已撤銷於', en: 'Revoked on' },
  // Second factor (TOTP, issue #16): sign-in code step, enrolment, turning off, the requirement.
  totpCode: { 'zh-Hant': '驗證碼', en: 'Authentication code' },
  totpNeeded: {
    'zh-Hant': '此帳戶已啟用雙重驗證：請輸入驗證器應用程式現時顯示的 6 位數字驗證碼。',
    en: 'This account has a second factor: enter the 6-digit code your authenticator app shows now.',
  },
  totpWrong: {
    'zh-Hant': '驗證碼不正確或已使用過：請等待應用程式顯示下一個驗證碼再試。',
    en: 'The code is wrong or was already used: wait for the next code in the app and try again.',
  },
  totpFormat: { 'zh-Hant': '請輸入 6 位數字。', en: 'Enter the 6 digits of the code.' },
  secondFactor: { 'zh-Hant': '雙重驗證', en: 'Second factor' },
  totpIntro: {
    'zh-Hant':
      '啟用後，登入時除密碼外，還須輸入手機上驗證器應用程式（例如 Google Authenticator、Microsoft Authenticator）產生的 6 位數字驗證碼。',
    en: 'Once on, signing in takes a 6-digit code from an authenticator app on your phone (such as Google Authenticator or Microsoft Authenticator) as well as your password.',
  },
  totpOn: { 'zh-Hant': '已啟用', en: 'On' },
  totpOff: { 'zh-Hant': '未啟用', en: 'Off' },
  totpTurnOn: { 'zh-Hant': '啟用雙重驗證', en: 'Turn on' },
  totpStepKey: {
    'zh-Hant': '1. 在驗證器應用程式中新增帳戶，手動輸入以下金鑰（或把下面的 otpauth 連結貼到應用程式）：',
    en: '1. Add an account in your authenticator app and type in this key (or paste the otpauth link below into the app):',
  },
  totpKey: { 'zh-Hant': '金鑰', en: 'Key' },
  totpLink: { 'zh-Hant': '連結', en: 'Link' },
  totpKeyOnce: {
    'zh-Hant': '金鑰只會顯示這一次，請勿交給他人。',
    en: 'The key is shown only this once; do not give it to anyone.',
  },
  totpStepConfirm: {
    'zh-Hant': '2. 輸入應用程式顯示的 6 位數字驗證碼以確認：',
    en: '2. Enter the 6-digit code the app shows, to confirm:',
  },
  totpConfirm: { 'zh-Hant': '確認並啟用', en: 'Confirm and turn on' },
  totpConfirmWrong: {
    'zh-Hant': '驗證碼不正確：請確認應用程式中的帳戶是剛新增的那個，以及手機時間準確，然後輸入新的驗證碼。',
    en: 'The code is not right: check that it is the account you just added in the app and that the phone’s clock is right, then enter the new code.',
  },
  totpTurnedOn: {
    'zh-Hant': '雙重驗證已啟用：下次登入時須輸入驗證碼。',
    en: 'The second factor is on: signing in will ask for a code.',
  },
  totpTurnOff: { 'zh-Hant': '停用雙重驗證', en: 'Turn off' },
  totpOffHint: {
    'zh-Hant': '如要停用，請輸入現時的驗證碼：',
    en: 'To turn it off, enter a current code:',
  },
  totpTurnedOff: { 'zh-Hant': '雙重驗證已停用。', en: 'The second factor is off.' },
  totpRequiredOfYou: {
    'zh-Hant': '安全設定要求管理員使用雙重驗證，因此不能停用。',
    en: 'The security settings require administrators to use a second factor, so it cannot be turned off.',
  },
  cancel: { 'zh-Hant': '取消', en: 'Cancel' },
  totpMustEnrolTitle: { 'zh-Hant': '請先設定雙重驗證', en: 'Set up a second factor first' },
  totpMustEnrol: {
    'zh-Hant':
      '本機構規定管理員必須使用雙重驗證：登入時除密碼外，還要輸入手機應用程式產生的驗證碼。您是管理員，設定完成前不能使用其他功能。請按以下步驟設定。',
    en: 'This organisation requires administrators to use a second factor: a code from an app on your phone, as well as the password, when signing in. You are an administrator, so nothing else is available until you have set one up. Follow the steps below.',
  },
  securitySettings: { 'zh-Hant': '安全設定', en: 'Security settings' },
  requireTotp: {
    'zh-Hant': '要求管理員使用雙重驗證',
    en: 'Require a second factor for administrators',
  },
  requireTotpHint: {
    'zh-Hant':
      '啟用後，未設定雙重驗證的管理員（包括已登入的管理員及您本人）須先完成設定，才能使用其他功能。其他角色不受影響。',
    en: 'When on, an administrator without a second factor (already signed in or not, you included) must set one up before doing anything else. Other roles are not affected.',
  },
  lastChangedBy: { 'zh-Hant': '最後由 {by} 於 {at} 修改', en: 'Last changed by {by}, {at}' },
  history: { 'zh-Hant': '修訂記錄', en: 'History' },
  hideHistory: { 'zh-Hant': '收起記錄', en: 'Hide history' },
  author: { 'zh-Hant': '修改者', en: 'Author' },
  time: { 'zh-Hant': '時間', en: 'Time' },
  retracted: { 'zh-Hant': '已撤回', en: 'retracted' },
} satisfies Record<string, Localised>;

export type TextKey = keyof typeof TEXT;

export const LangContext = createContext<Lang>('zh-Hant');
export const translate = (lang: Lang, k: TextKey): string => TEXT[k][lang];
export function useT(): (k: TextKey) => string {
  const lang = useContext(LangContext);
  return (k) => TEXT[k][lang];
}
export function useLang(): Lang {
  return useContext(LangContext);
}
export function pick(t: Localised, lang: Lang): string {
  return t[lang];
}
/** An ISO-8601 time as a local date and time in the UI language; the text itself if unreadable. */
export function formatTime(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-Hant-HK', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
}

/**
 * 「我的帳戶安全」（更改密碼、復原碼）及登入頁的復原碼步驟，繁體中文（香港用語）；
 * i18next namespace `security`. Terms as in common.ts: 密碼, 雙重驗證, 驗證碼, 驗證器應用程式.
 */
import type { security as en } from '../en/security';

export const security: Record<keyof typeof en, string> = {
  passwordTitle: '更改密碼',
  passwordPolicy:
    '密碼最少須有 12 個字元。任何字元皆可使用，包括空格及中文字，此外沒有其他規則。一句較長的句子易記而難猜。',
  currentPassword: '現時密碼',
  newPassword: '新密碼',
  newPasswordAgain: '再次輸入新密碼',
  changePassword: '更改密碼',
  changing: '正在更改…',
  passwordChanged: '密碼已更改。您在其他瀏覽器及裝置上的登入已全部登出；目前這個登入仍然有效。',
  currentRequired: '請輸入現時密碼。',
  currentWrong: '現時密碼不正確。',
  newTooShort: '新密碼最少須有 12 個字元。',
  newTooLong: '新密碼太長：上限為 1,024 位元組。',
  newRefused: '新密碼不獲接受。',
  againDifferent: '兩次輸入的新密碼不相同。',
  throttledWait: '失敗次數過多，請於 {seconds} 秒後再試。',
  throttled: '失敗次數過多，請稍後再試。',
  tokenRefused: '密碼須在登入後於瀏覽器中更改，不能使用 API 存取權杖更改。',
  noAccount: '目前的登入沒有使用者帳戶，因此沒有密碼可以更改。',
  ssoOnly: '此帳戶以單一登入（SSO）登入，在這裏沒有密碼可以更改。',
  refused: '密碼未有更改。',
  serverSaid: '伺服器的說明（英文）：',

  recoveryTitle: '復原碼',
  recoveryIntro:
    '如果遺失了裝有驗證器應用程式的手機，可以用一個復原碼代替 6 位數字驗證碼登入一次。請把復原碼存放在安全、與手機分開的地方：列印出來，或存入密碼管理工具。',
  unused: '未使用的復原碼：{count} 個',
  noneLeft: '您沒有未使用的復原碼：請立即建立一組，以免遺失手機後無法登入。',
  makeHint: '如要建立一組新的復原碼，請輸入驗證器應用程式現時顯示的 6 位數字驗證碼：',
  makeWarning: '新的一組會取代舊的一組：舊的復原碼將會失效。',
  makeCodes: '建立新的復原碼',
  making: '正在建立…',
  codeFormat: '請輸入 6 位數字。',
  codeWrong: '驗證碼不正確或已使用過：請等待應用程式顯示下一個驗證碼再試。',
  notEnrolled: '復原碼須配合雙重驗證使用，而此帳戶現時未有啟用雙重驗證。',
  newCodes: '您的新復原碼',
  newCodesWarning:
    '舊的復原碼已經失效。以下復原碼只會顯示這一次：請立即複製、下載或抄下。每個復原碼只能使用一次。',
  codesLabel: '復原碼，每行一個',
  copyAll: '全部複製',
  download: '下載為文字檔',
  hideCodes: '我已妥善保存，隱藏復原碼',
  fileTitle: '{email} 的 Assay 復原碼',
  fileMade: '建立於 {at}。每個復原碼可代替 6 位數字驗證碼登入一次；新的一組會取代這一組。',

  recoveryInstead: '遺失了手機？可以輸入其中一個復原碼，代替 6 位數字驗證碼。',
  recoveryNeeded: '請輸入其中一個復原碼。每個復原碼只能使用一次：登入後即告失效。',
  useRecoveryCode: '改用復原碼',
  useAppCode: '改用 6 位數字驗證碼',
  recoveryCode: '復原碼',
  recoveryFormat: '復原碼由 16 個英文字母及數字組成，例如 K7QM-2XJD-P4RA-WN6T。',
  recoveryWrong: '這個復原碼不正確或已使用過。',
};

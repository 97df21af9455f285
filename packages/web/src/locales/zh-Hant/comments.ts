/** Comment threads in Traditional Chinese (Hong Kong usage), namespace `comments`. */
import type { comments as en } from '../en/comments';

export const comments: Record<keyof typeof en, string> = {
  title: '意見',
  threadOn: '{what}的意見',
  none: '尚無意見。',
  count: '{count} 則意見',
  by: '{author}，{at}',
  write: '新增意見',
  post: '發表意見',
  posting: '發表中…',
  required: '請先填寫意見。',
  posted: '已發表意見。',
  show: '意見',
  hide: '收起意見',
  'refused.forbidden': '您的角色不容許在此發表意見。',
  'refused.not-found': '已找不到此項目。',
  'refused.invalid-request': '意見未獲接受。',
};

/** Comment threads (components/comment-thread.tsx) in English, i18next namespace `comments`. */
export const comments = {
  title: 'Comments',
  /** The accessible name of a thread: what it is on. */
  threadOn: 'Comments on {what}',
  none: 'No comments yet.',
  count: '{count} comments',
  by: '{author}, {at}',
  write: 'Add a comment',
  post: 'Post comment',
  posting: 'Posting…',
  required: 'Write the comment first.',
  posted: 'Comment posted.',
  show: 'Comments',
  hide: 'Hide comments',
  'refused.forbidden': 'Your role does not allow comments here.',
  'refused.not-found': 'This item cannot be found any more.',
  'refused.invalid-request': 'The comment was not accepted.',
};

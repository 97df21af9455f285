/** Comment threads over the store (comment-records.ts; store/src/comments.ts). */
import { addComment, commentsOn, type Store } from '@assay/store';
import type {
  AddCommentOutcome,
  CommentRecord,
  CommentRecords,
  CommentTarget,
  NewCommentRequest,
} from './comment-records.js';
import type { Clock } from './memory-workspace.js';

export class StoreComments implements CommentRecords {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  list(target: CommentTarget): Promise<readonly CommentRecord[]> {
    return commentsOn(this.store, target.kind, target.id);
  }

  add(r: NewCommentRequest): Promise<AddCommentOutcome> {
    return addComment(this.store, {
      targetKind: r.target.kind,
      targetId: r.target.id,
      entityId: r.entityId,
      replyTo: r.replyTo,
      userId: r.who.userId,
      author: r.who.actor,
      at: this.clock(),
      text: r.text,
    });
  }
}

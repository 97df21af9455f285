/** Comment threads in memory (comment-records.ts), for the in-memory workspace; the store's rules. */
import type {
  AddCommentOutcome,
  CommentRecord,
  CommentRecords,
  CommentTarget,
  NewCommentRequest,
} from './comment-records.js';
import type { Clock } from './memory-workspace.js';

export class MemoryComments implements CommentRecords {
  private readonly all: CommentRecord[] = [];

  constructor(private readonly clock: Clock) {}

  async list(target: CommentTarget): Promise<readonly CommentRecord[]> {
    return this.all.filter((c) => c.targetKind === target.kind && c.targetId === target.id);
  }

  async add(r: NewCommentRequest): Promise<AddCommentOutcome> {
    if (
      r.replyTo !== null &&
      !this.all.some(
        (c) => c.id === r.replyTo && c.targetKind === r.target.kind && c.targetId === r.target.id,
      )
    )
      return { ok: false, reason: 'reply-not-found' };
    const comment: CommentRecord = {
      id: String(this.all.length + 1),
      targetKind: r.target.kind,
      targetId: r.target.id,
      entityId: r.entityId,
      replyTo: r.replyTo,
      userId: r.who.userId,
      author: r.who.actor,
      at: this.clock(),
      text: r.text,
    };
    this.all.push(comment);
    return { ok: true, comment };
  }
}

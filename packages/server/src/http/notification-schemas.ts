/** Request schemas (zod) of the notification routes (routes/notifications.ts), shared with the OpenAPI document. */
import { z } from 'zod';

/** `?limit=`: how many to list. */
export const NotificationQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).optional() });

/** The account's preferred language for e-mail. */
export const NotificationPreferencesBody = z.object({ language: z.enum(['en', 'zh-Hant']) }).strict();

/** The outbox view: `?state=pending|sent|failed&limit=`. */
export const OutboxQuery = z.object({
  state: z.enum(['pending', 'sent', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/**
 * Tokens for the benchmark's people: a token is good only with a live session (db/sessions.ts),
 * so one session is opened for each person up to `maxUserId` in one statement, and tokens are
 * signed for them.
 */
import { createSigner } from 'fast-jwt';

type Run = (text: string) => Promise<{ rows: unknown[] }>;

export async function benchAuth(
  run: Run,
  secret: string,
  maxUserId: number,
): Promise<(userId: number) => { authorization: string }> {
  const { rows } = await run(`insert into sessions (id, user_id, user_agent, expires_at)
    select gen_random_uuid(), id, 'benchmark', now() + interval '1 day' from users where id <= ${Number(maxUserId)}
    returning id, user_id::int`);
  const sessions = new Map((rows as { id: string; user_id: number }[]).map((row) => [row.user_id, row.id]));
  const sign = createSigner({ key: secret, expiresIn: 3_600_000 });
  return (userId) => {
    const sid = sessions.get(userId);
    if (!sid) throw new Error(`No benchmark session for user ${userId}`);
    return { authorization: `Bearer ${sign({ sub: String(userId), sid })}` };
  };
}

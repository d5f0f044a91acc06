/**
 * `npm run admin -- grant <email>` / `npm run admin -- revoke <email>` / `npm run admin -- list`:
 * site admins kept in the database, besides those listed in ADMIN_EMAILS (which this cannot revoke).
 */
import { loadConfig } from '../src/config/index.js';
import { databaseTarget, openDatabase } from '../src/db/index.js';
import { migrateToLatest } from '../src/db/migrate.js';

const [command, email] = process.argv.slice(2);
const usage = 'usage: npm run admin -- grant <email> | revoke <email> | list';

if (!['grant', 'revoke', 'list'].includes(command ?? '') || (command !== 'list' && !email)) {
  console.error(usage);
  process.exit(2);
}

const config = loadConfig();
const handle = await openDatabase(databaseTarget(config));
try {
  await migrateToLatest(handle.db);
  if (command === 'list') {
    const rows = await handle.db
      .selectFrom('users')
      .select('email')
      .where('is_admin', '=', true)
      .orderBy('email')
      .execute();
    const listed = config.adminEmails.map((address) => `${address} (ADMIN_EMAILS)`);
    for (const line of [...rows.map((row) => row.email), ...listed]) console.log(line);
  } else {
    const address = email!.trim().toLowerCase();
    const result = await handle.db
      .updateTable('users')
      .set({ is_admin: command === 'grant' })
      .where((eb) => eb(eb.fn('lower', ['email']), '=', address))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      console.error(`No account with the email ${address}.`);
      process.exitCode = 1;
    } else {
      console.log(command === 'grant' ? `${address} is now a site admin.` : `${address} is no longer a site admin.`);
      if (command === 'revoke' && config.adminEmails.includes(address)) {
        console.log('It is still listed in ADMIN_EMAILS, which keeps it an admin: remove it there too.');
      }
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}

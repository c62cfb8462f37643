// npm run audit:verify — walk the audit log's hash chain in the configured database and say
// whether every record is as it was written; exits 1 when the chain is broken.
import { ConfigError, loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { verifyAuditChain } from '../server/modules/admin/queries.ts';

try {
  const config = loadConfig(process.env);
  const database = await openDatabase(config);
  try {
    const result = await verifyAuditChain(database.db);
    if (result.valid) {
      console.log(`The audit log holds: ${result.checked} records, each as it was written.`);
    } else {
      console.error(
        `The audit log is broken at record ${result.brokenId} (after ${result.checked} good records): ` +
          'it was changed, or a record before it was removed.',
      );
      process.exitCode = 1;
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? `Cannot verify: ${error.message}` : error);
  process.exit(1);
}

import { Client } from 'pg';
import { withDatabaseName } from '@fengqiao/db';

export default async function intGlobalTeardown(): Promise<void> {
  const url = process.env.FQ_TEST_DATABASE_URL;
  if (url === undefined) return;
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: withDatabaseName(url, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

import { dropDatabase } from '@fengqiao/db';

export default async function intGlobalTeardown(): Promise<void> {
  const url = process.env.FQ_TEST_DATABASE_URL;
  if (url === undefined) return;
  await dropDatabase(url);
}

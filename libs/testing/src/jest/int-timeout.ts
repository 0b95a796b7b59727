// Integration specs talk to a real broker and database: give them room on a loaded 2-core machine.
jest.setTimeout(60_000);

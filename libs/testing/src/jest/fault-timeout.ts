// A fault spec injects outages of 30 s and waits for the whole system to recover from each.
jest.setTimeout(600_000);

// Browser specs build the dashboard and start real processes before Chromium loads a page.
jest.setTimeout(120_000);

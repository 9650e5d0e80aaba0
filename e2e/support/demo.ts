/** The firm admin the server seeds on first start (NODE_ENV other than production). */
export const demoAdmin = {
  email: 'admin@demo-firm.test',
  password: 'chambers-demo',
  name: 'Avery Admin',
  role: 'admin',
  firmName: 'Demo Firm LLP',
} as const;

/** A seeded person with two accounts: attorney at the demo firm (Manage), co-counsel at another (Connect). */
export const demoMorgan = {
  email: 'morgan@demo-firm.test',
  password: 'chambers-demo',
  name: 'Morgan Multi',
  firmAccount: { role: 'attorney', firmName: 'Demo Firm LLP' },
  coCounselAccount: { role: 'co-counsel', firmName: 'Harbor & Vale LLP' },
} as const;

/** The seeded co-counsel of the demo firm, who signs in to Connect. */
export const demoCoCounsel = {
  email: 'cocounsel@outside-counsel.test',
  password: 'chambers-demo',
  name: 'Cora Counsel',
  role: 'co-counsel',
  firmName: 'Demo Firm LLP',
} as const;

/** The seeded client of the demo firm (the Acme lawsuit's client), who signs in to Connect and sees its portal. */
export const demoClient = {
  email: 'client@client.test',
  password: 'chambers-demo',
  name: 'Cliff Client',
  role: 'client',
  firmName: 'Demo Firm LLP',
  portalName: 'Client v. Acme — your case',
} as const;

/** What the demo firm shares with its co-counsel, and one thing it deliberately does not. */
export const demoSharing = {
  sharedMatters: [
    'Client v. Acme Corp — breach of supply contract',
    'Whitfield v. Metro Transit — personal injury',
  ],
  /** The same client's other matter, never shared with co-counsel. */
  unsharedMatter: 'Blue Harbor Logistics — warehouse lease',
} as const;

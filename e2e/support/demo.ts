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

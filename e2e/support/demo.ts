/** The firm admin the server seeds on first start (NODE_ENV other than production). */
export const demoAdmin = {
  email: 'admin@demo-firm.test',
  password: 'chambers-demo',
  role: 'admin',
  firmName: 'Demo Firm LLP',
} as const;

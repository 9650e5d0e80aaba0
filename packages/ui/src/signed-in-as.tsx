import type { MembershipRole, MembershipSummary } from '@chambers/contracts/auth';
import { Text } from '@mantine/core';

const ROLE_LABELS: Record<MembershipRole, string> = {
  admin: 'admin',
  attorney: 'attorney',
  staff: 'staff',
  co_counsel: 'co-counsel',
  client: 'client',
};

export function roleLabel(role: MembershipRole): string {
  return ROLE_LABELS[role];
}

/** "Signed in as admin at Demo Firm LLP" — which account this session acts as. */
export function SignedInAs({ membership }: { membership: MembershipSummary }) {
  return (
    <Text>
      Signed in as {roleLabel(membership.role)} at {membership.firm_name}
    </Text>
  );
}

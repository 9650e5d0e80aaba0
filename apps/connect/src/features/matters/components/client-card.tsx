import type { Contact, ContactAddress } from '@chambers/contracts/contacts';
import type { MatterParty } from '@chambers/contracts/matters';
import { LoadError, Loading } from '@chambers/ui/query-state';
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useContact } from '../api/get-contact';
import { DetailList } from './detail-list';

function addressLines(address: ContactAddress): string {
  const place = [address.postal_code, address.city, address.region].filter(Boolean).join(' ');
  return [address.street, place, address.country].filter(Boolean).join(', ');
}

function withLabel(text: string, label: string | null): string {
  return label ? `${text} (${label})` : text;
}

function ContactDetails({ contact }: { contact: Contact }) {
  const role = [contact.title, contact.kind === 'person' ? contact.company_name : null]
    .filter(Boolean)
    .join(', ');
  return (
    <DetailList
      details={[
        { label: 'Name', value: contact.name },
        ...(role ? [{ label: 'Role', value: role }] : []),
        {
          label: 'Email',
          value:
            contact.emails.length > 0 ? (
              <Stack gap={2} component="span">
                {contact.emails.map((email) => (
                  <Anchor key={email.address} href={`mailto:${email.address}`}>
                    {withLabel(email.address, email.label)}
                  </Anchor>
                ))}
              </Stack>
            ) : null,
        },
        {
          label: 'Phone',
          value:
            contact.phones.length > 0 ? (
              <Stack gap={2} component="span">
                {contact.phones.map((phone) => (
                  <Anchor key={phone.number} href={`tel:${phone.number.replace(/[^\d+]/g, '')}`}>
                    {withLabel(phone.number, phone.label)}
                  </Anchor>
                ))}
              </Stack>
            ) : null,
        },
        {
          label: 'Address',
          value:
            contact.addresses.length > 0 ? (
              <Stack gap={2} component="span">
                {contact.addresses.map((address) => (
                  <Text key={addressLines(address)} component="span">
                    {withLabel(addressLines(address), address.label)}
                  </Text>
                ))}
              </Stack>
            ) : null,
        },
      ]}
    />
  );
}

/** The matter's client: its contact card, or at least its name when the card cannot be read. */
export function ClientCard({ client }: { client: MatterParty }) {
  const contact = useContact(client.id);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="matter-client-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="matter-client-heading">
          Client
        </Title>
        {contact.isPending && <Loading label="Loading the client's details" />}
        {contact.isError && (
          <>
            <DetailList details={[{ label: 'Name', value: client.name }]} />
            <LoadError error={contact.error} onRetry={() => contact.refetch()} />
          </>
        )}
        {contact.data && <ContactDetails contact={contact.data} />}
      </Stack>
    </Card>
  );
}

// Plain-English labels for the API's vocabularies. Values come from openapi.yaml; only the words are here,
// and a value without an entry still reads well (hyphens become spaces), so a new enum value never breaks a page.

const acronyms = new Set(['marac', 'idva', 'cctv', 'pir', 'dash', 'gbp']);

const overrides: Record<string, string> = {
  self: 'The victim (self-referral)',
  'housing-options': 'Housing options team',
  'other-agency': 'Another agency',
  'childrens-services': "Children's services",
  'homelessness-prevention-grant': 'Homelessness prevention grant',
  'may-be-requested': 'May be requested',
  'needs-approval': 'Needs approval',
  'not-available': 'Not available',
  'refer-to-landlord': "Refer to the landlord's own scheme",
  'more-information-needed': 'More information needed',
  'no-scheme': 'No scheme',
  'senior-officer-written': 'Written approval from a senior officer',
  'quote-sign-off': 'Sign-off of the quote',
  'contribution-above-limit': 'Approval of a contribution above the limit',
  'landlord-permission': "Landlord's permission",
  'police-security-survey': 'Police security survey',
  'domestic-abuse-coordinator': 'Domestic abuse coordinator',
  'not-asked': 'Not asked yet',
  'not-applicable': 'Not applicable',
  'owner-occupier': 'Owner-occupier',
  none: 'None',
  unknown: 'Not known',
  unspecified: 'Not specified',
  open: 'Open: the document leaves it out',
  'not-stated': 'Not stated',
};

/** "private-rented" → "Private rented"; "marac" → "MARAC". */
export function valueLabel(value: string): string {
  const known = overrides[value];
  if (known) return known;
  const words = value.split('-').map((word) => (acronyms.has(word) ? word.toUpperCase() : word));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The same label in the middle of a sentence: "private rented", but still "MARAC". */
export function valuePhrase(value: string): string {
  const label = valueLabel(value);
  const first = label.split(' ')[0]!;
  return first === first.toUpperCase() && first.length > 1
    ? label
    : label.charAt(0).toLowerCase() + label.slice(1);
}

/** A target time in words: "within 72 hours", "within 3 working days", or null when the policy gives none. */
export function hoursText(hours: number | null, workingDays: number | null = null): string | null {
  if (workingDays !== null) return `within ${workingDays} working ${workingDays === 1 ? 'day' : 'days'}`;
  if (hours === null) return null;
  return `within ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

const pounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 2,
});

export function poundsText(amount: number | null): string | null {
  return amount === null ? null : pounds.format(amount);
}

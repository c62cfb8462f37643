import { describe, expect, it } from 'vitest';
import { expandCanned } from './care-canned.ts';

const values = { customer_name: 'Léa Martin', agent_name: 'Paul', conversation_subject: 'Colis perdu' };

describe('expandCanned', () => {
  it('fills the three variables, with or without spaces in the braces', () => {
    expect(
      expandCanned(
        'Bonjour {{customer_name}}, au sujet de « {{ conversation_subject }} » — {{agent_name}}',
        values,
      ),
    ).toBe('Bonjour Léa Martin, au sujet de « Colis perdu » — Paul');
  });
  it('leaves unknown variables and plain braces as written', () => {
    expect(expandCanned('{{order_id}} {x} {{customer_name}}{{customer_name}}', values)).toBe(
      '{{order_id}} {x} Léa MartinLéa Martin',
    );
  });
  it('does not expand a value that itself looks like a variable', () => {
    expect(expandCanned('{{customer_name}}', { ...values, customer_name: '{{agent_name}}' })).toBe(
      '{{agent_name}}',
    );
  });
});

import { field, h, select } from './dom.js';
import { label, TLPS } from './ui.js';

const ACCESS = [['', 'Not shared'], ['READ', 'Read'], ['CONTRIBUTE', 'Contribute']];

function splitList(text) {
  return (text || '').split(/[\s,;]+/).map((item) => item.trim()).filter(Boolean);
}

/**
 * The audience of a case: its TLP, the member countries and groups it is shared with and how, and the named people
 * who see a RED case. The originating country (the case's, or for a new case the caller's, which the service stamps
 * on it) always sees its own cases, so it is not offered.
 */
export function sharingEditor(context, initial = {}) {
  const current = new Map((initial.sharedWith || []).map((entry) => [entry.country || entry.group, entry.access]));
  const tlp = select('tlp', TLPS.map((value) => [value, label(value)]), initial.tlp || 'AMBER');
  const origin = initial.originCountry || context.me.country;
  const targets = [
    ...context.countries.members.filter((member) => member.code !== origin)
      .map((member) => ({ kind: 'country', code: member.code, text: member.name })),
    ...context.countries.groups.map((group) => ({
      kind: 'group', code: group.code, text: `${label(group.code)} (group: ${group.members.join(', ')})`,
    })),
  ];
  const rows = targets.map((target) => {
    const control = select(`share-${target.code}`, ACCESS, current.get(target.code) || '');
    control.dataset.kind = target.kind;
    control.dataset.code = target.code;
    return { target, control };
  });
  const recipients = h('textarea', { name: 'namedRecipients', rows: 2 }, (initial.namedRecipients || []).join(', '));

  const element = h('fieldset', { class: 'sharing' },
    h('legend', {}, 'Sharing'),
    field('TLP label', tlp, 'CLEAR and GREEN: every member. AMBER: the countries below. RED: only the named people.'),
    h('div', { class: 'share-grid' }, rows.map(({ target, control }) => field(target.text, control))),
    field('Named recipients (RED)', recipients,
      'Alliance usernames (the national username @ the country code), separated by commas, e.g. ca-liaison@ca.'));

  return {
    element,
    value() {
      return {
        tlp: tlp.value,
        sharedWith: rows.filter(({ control }) => control.value)
          .map(({ target, control }) => ({ [target.kind]: target.code, access: control.value })),
        namedRecipients: splitList(recipients.value).map((name) => name.toLowerCase()),
      };
    },
  };
}

export function sharingSummary(context, theCase) {
  const entries = theCase.sharedWith || [];
  return h('ul', { class: 'audience' },
    h('li', {}, h('strong', {}, context.countryName(theCase.originCountry)), ' (originator)'),
    entries.map((entry) => h('li', {},
      entry.country ? context.countryName(entry.country) : `${label(entry.group)} (group)`, ' — ', label(entry.access))),
    (theCase.namedRecipients || []).map((name) => h('li', {}, name, ' (named recipient)')));
}

export { splitList };

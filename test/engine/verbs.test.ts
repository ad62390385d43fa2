import * as assert from 'node:assert/strict';
import { ACTION_VERBS } from '../../server/src/engine/verbList';
import { gerundToBase, gerundToPast, isKnownVerb, pastTense, pastToPresent, presentToPast, toGerund } from '../../server/src/engine/verbs';

function table(convert: (word: string) => string, pairs: [string, string][]): void {
  for (const [input, expected] of pairs) assert.equal(convert(input), expected, input);
}

describe('verbs', () => {
  it('pastTense: irregular verbs, prefixes and phrasal verbs', () => {
    table(pastTense, [
      ['build', 'built'],
      ['lead', 'led'],
      ['write', 'wrote'],
      ['run', 'ran'],
      ['make', 'made'],
      ['drive', 'drove'],
      ['set up', 'set up'],
      ['spin up', 'spun up'],
      ['rebuild', 'rebuilt'],
      ['co-lead', 'co-led'],
      ['rewrite', 'rewrote'],
      ['oversee', 'oversaw'],
      ['undertake', 'undertook'],
      ['cut', 'cut'],
      ['teach', 'taught'],
    ]);
  });

  it('pastTense: doubling, -e, -y and plain -ed', () => {
    table(pastTense, [
      ['plan', 'planned'],
      ['stop', 'stopped'],
      ['ship', 'shipped'],
      ['commit', 'committed'],
      ['control', 'controlled'],
      ['debug', 'debugged'],
      ['format', 'formatted'],
      ['migrate', 'migrated'],
      ['deploy', 'deployed'],
      ['apply', 'applied'],
      ['copy', 'copied'],
      ['develop', 'developed'],
      ['visit', 'visited'],
      ['edit', 'edited'],
      ['open', 'opened'],
      ['target', 'targeted'],
      ['fix', 'fixed'],
      ['sync', 'synced'],
      ['own', 'owned'],
      ['demo', 'demoed'],
    ]);
  });

  it('gerundToPast and gerundToBase: silent e, doubled consonants, -ying', () => {
    table(gerundToPast, [
      ['building', 'built'],
      ['migrating', 'migrated'],
      ['planning', 'planned'],
      ['deploying', 'deployed'],
      ['applying', 'applied'],
      ['running', 'ran'],
      ['setting up', 'set up'],
      ['writing', 'wrote'],
      ['creating', 'created'],
      ['using', 'used'],
      ['managing', 'managed'],
      ['analyzing', 'analyzed'],
      ['optimising', 'optimised'],
      ['architecting', 'architected'],
      ['de-risking', 'de-risked'],
      ['rebuilding', 'rebuilt'],
      ['adding', 'added'],
      ['installing', 'installed'],
      ['handling', 'handled'],
      ['reducing', 'reduced'],
      ['changing', 'changed'],
      ['editing', 'edited'],
      ['targeting', 'targeted'],
      ['modelling', 'modelled'],
      ['tying', 'tied'],
      ['turning', 'turned'],
    ]);
    table(gerundToBase, [
      ['scoping', 'scope'],
      ['tuning', 'tune'],
      ['debugging', 'debug'],
      ['bringing', 'bring'],
    ]);
  });

  it('presentToPast: third person and base forms', () => {
    table(presentToPast, [
      ['leads', 'led'],
      ['manages', 'managed'],
      ['applies', 'applied'],
      ['fixes', 'fixed'],
      ['processes', 'processed'],
      ['uses', 'used'],
      ['builds', 'built'],
      ['focuses', 'focused'],
      ['does', 'did'],
      ['build', 'built'],
    ]);
  });

  it('pastToPresent: back to the base form a present-tense bullet uses', () => {
    table(pastToPresent, [
      ['managed', 'manage'],
      ['built', 'build'],
      ['led', 'lead'],
      ['planned', 'plan'],
      ['applied', 'apply'],
      ['deployed', 'deploy'],
      ['migrated', 'migrate'],
      ['created', 'create'],
      ['used', 'use'],
      ['ran', 'run'],
      ['set up', 'set up'],
      ['added', 'add'],
      ['installed', 'install'],
      ['controlled', 'control'],
      ['agreed', 'agree'],
      ['rebuilt', 'rebuild'],
      ['oversaw', 'oversee'],
      ['embedded', 'embed'],
      ['visited', 'visit'],
      ['architected', 'architect'],
    ]);
  });

  it('toGerund: the -ing form used in "Partnered on migrating"', () => {
    table(toGerund, [
      ['migrate', 'migrating'],
      ['plan', 'planning'],
      ['set up', 'setting up'],
      ['run', 'running'],
      ['see', 'seeing'],
      ['tie', 'tying'],
      ['visit', 'visiting'],
      ['develop', 'developing'],
      ['reset', 'resetting'],
    ]);
  });

  it('keeps the case of the first letter and round-trips the common verbs', () => {
    assert.equal(pastTense('Build'), 'Built');
    assert.equal(gerundToPast('Migrating'), 'Migrated');
    assert.equal(pastToPresent('Managed'), 'Manage');
    for (const verb of ['build', 'lead', 'migrate', 'design', 'plan', 'deploy', 'own', 'ship', 'mentor', 'scale']) {
      assert.equal(pastToPresent(pastTense(verb)), verb, verb);
      assert.equal(gerundToBase(toGerund(verb)), verb, verb);
      assert.ok(isKnownVerb(verb), verb);
    }
    assert.ok(!isKnownVerb('kubernetes'));
  });

  it('knows every action verb a bullet may open with (one list for both)', () => {
    for (const verb of ACTION_VERBS) assert.ok(isKnownVerb(verb), verb);
  });
});

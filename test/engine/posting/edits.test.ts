import * as assert from 'node:assert/strict';
import { isSeq } from 'yaml';
import { parseResume } from '../../../server/src/engine/document';
import { applyEdits } from '../../../server/src/engine/fixes';
import { addSkillFix, groupFor } from '../../../server/src/engine/posting';
import { blockScalar, flowScalar, insertItemEdit, moveItemEdits } from '../../../server/src/engine/posting/edits';
import type { SkillsCategory } from '../../../server/src/engine/posting';
import { applyFix, assertValidYaml } from './support';

function add(text: string, category: SkillsCategory, value: string): { text: string; title: string } {
  const fix = addSkillFix(parseResume(text), category, value);
  assert.ok(fix, 'no fix');
  assert.equal(fix.safe, false);
  const out = applyFix(text, fix);
  assertValidYaml(out);
  return { text: out, title: fix.title };
}

/** The text with `value` put before item `index` of `skills[0].keywords`; undefined when it cannot be written. */
function insert(text: string, index: number, value: string): string | undefined {
  const seq = parseResume(text).entries.get('skills[0].keywords')?.node;
  assert.ok(isSeq(seq));
  const edit = insertItemEdit(text, seq, index, value);
  if (!edit) return undefined;
  const out = applyEdits(text, [edit]);
  assertValidYaml(out);
  return out;
}

function move(text: string, from: number, to: number): string {
  const model = parseResume(text);
  const seq = model.entries.get('skills[0].keywords')?.node;
  assert.ok(isSeq(seq));
  const edits = moveItemEdits(text, seq, from, to);
  assert.ok(edits);
  const out = applyEdits(text, edits);
  assertValidYaml(out);
  return out;
}

describe('posting skills edits', () => {
  describe('adding a term to its skills group', () => {
    it('appends to a flow list, keeping the comment after it', () => {
      const text = 'skills:\n  - name: Data\n    keywords: [PostgreSQL, Redis]  # what I reach for\n';
      assert.deepEqual(add(text, 'Data', 'Cassandra'), {
        text: 'skills:\n  - name: Data\n    keywords: [PostgreSQL, Redis, Cassandra]  # what I reach for\n',
        title: 'Add Cassandra to the Data skills',
      });
    });

    it('adds a group at the dashes of a list whose items start on the line after the dash', () => {
      const text = 'skills:\n  -\n    name: Data\n    keywords:\n      - PostgreSQL\n';
      assert.deepEqual(add(text, 'Languages', 'Go'), {
        text: 'skills:\n  -\n    name: Data\n    keywords:\n      - PostgreSQL\n  - name: Languages\n    keywords:\n      - Go\n',
        title: 'Add Go in a new Languages skills group',
      });
    });

    it('adds nothing to a file with a syntax error: where its lists end is a guess', () => {
      const text = 'skills:\n  - name: Data\n    keywords: [PostgreSQL\nwork: "unclosed\n';
      assert.equal(addSkillFix(parseResume(text), 'Data', 'Redis'), undefined);
    });

    it('appends to a block list at its indentation, after a trailing comment', () => {
      const text = 'skills:\n  - name: Cloud\n    keywords:\n      - AWS  # mostly\n      - Docker\n    # more soon\nprojects: []\n';
      assert.equal(
        add(text, 'Cloud', 'Kubernetes').text,
        'skills:\n  - name: Cloud\n    keywords:\n      - AWS  # mostly\n      - Docker\n      - Kubernetes\n    # more soon\nprojects: []\n',
      );
    });

    it('keeps JSON-style one-item-per-line flow lists that way', () => {
      const text = 'skills:\n  - name: Languages\n    keywords: [\n      Go,\n      Java\n    ]\n';
      assert.equal(
        add(text, 'Languages', 'Kotlin').text,
        'skills:\n  - name: Languages\n    keywords: [\n      Go,\n      Java,\n      Kotlin\n    ]\n',
      );
    });

    it('fills an empty list and a group without keywords', () => {
      assert.equal(
        add('skills:\n  - name: Data\n    keywords: []\n', 'Data', 'Redis').text,
        'skills:\n  - name: Data\n    keywords: [Redis]\n',
      );
      assert.equal(
        add('skills:\n  - name: Data\n    level: Senior\n', 'Data', 'Redis').text,
        'skills:\n  - name: Data\n    level: Senior\n    keywords: [Redis]\n',
      );
      assert.equal(
        add('skills:\n  - name: Data\n    keywords:\n', 'Data', 'Redis').text,
        'skills:\n  - name: Data\n    keywords: [Redis]\n',
      );
      assert.equal(
        add('skills:\n  - name: Data\n    keywords: ~  # none yet\n', 'Data', 'Redis').text,
        'skills:\n  - name: Data\n    keywords: [Redis]  # none yet\n',
      );
    });

    it('finds the group by a name like the category, else by what it already holds', () => {
      const text = 'skills:\n  - name: Databases & storage\n    keywords: [MySQL]\n  - name: Tools\n    keywords: [Docker, Terraform]\n';
      const model = parseResume(text);
      assert.equal(groupFor(model, 'Data')?.name, 'Databases & storage');
      assert.equal(groupFor(model, 'Cloud')?.name, 'Tools');
      assert.equal(groupFor(model, 'Reliability'), undefined);
    });

    it('creates the group, keywords in the style the other groups use', () => {
      const flow = 'skills:\n  - name: Languages\n    keywords: [Go]\n';
      assert.deepEqual(add(flow, 'Architecture', 'Kafka'), {
        text: 'skills:\n  - name: Languages\n    keywords: [Go]\n  - name: Architecture\n    keywords: [Kafka]\n',
        title: 'Add Kafka in a new Architecture skills group',
      });
      const block = 'skills:\n  - name: Languages  # by depth\n    keywords:\n      - Go\n';
      assert.equal(
        add(block, 'Cloud', 'AWS').text,
        'skills:\n  - name: Languages  # by depth\n    keywords:\n      - Go\n  - name: Cloud\n    keywords:\n      - AWS\n',
      );
    });

    it('creates the group in a flow skills list', () => {
      const text = 'skills: [{ name: Languages, keywords: [Go] }]\n';
      assert.equal(add(text, 'Data', 'Redis').text, 'skills: [{ name: Languages, keywords: [Go] }, { name: Data, keywords: [Redis] }]\n');
    });

    it('creates the skills list when there is none, or it is empty', () => {
      const none = 'basics:\n  name: Dana\nwork:\n  - name: A\n    summary: |\n      Payments.\n';
      assert.equal(
        add(none, 'Data', 'Redis').text,
        'basics:\n  name: Dana\nwork:\n  - name: A\n    summary: |\n      Payments.\nskills:\n  - name: Data\n    keywords: [Redis]\n',
      );
      assert.equal(
        add('basics:\n  name: Dana\nskills:\n', 'Data', 'Redis').text,
        'basics:\n  name: Dana\nskills:\n  - name: Data\n    keywords: [Redis]\n',
      );
      assert.equal(add('skills: []\n', 'Data', 'Redis').text, 'skills: [{ name: Data, keywords: [Redis] }]\n');
    });

    it('keeps Windows line endings', () => {
      const text = 'skills:\r\n  - name: Cloud\r\n    keywords:\r\n      - AWS\r\n';
      assert.equal(add(text, 'Cloud', 'GKE').text, 'skills:\r\n  - name: Cloud\r\n    keywords:\r\n      - AWS\r\n      - GKE\r\n');
    });

    it('quotes a term only when YAML needs it', () => {
      assert.equal(flowScalar('C#'), 'C#');
      assert.equal(flowScalar('CI/CD'), 'CI/CD');
      assert.equal(flowScalar('Pub/Sub'), 'Pub/Sub');
      assert.equal(flowScalar('a, b'), '"a, b"');
      assert.equal(blockScalar('.NET'), '.NET');
      assert.equal(blockScalar('- x'), '"- x"');
    });
  });

  describe('moving a language first', () => {
    it('rotates the items of a flow list, separators and comment in place', () => {
      assert.equal(
        move('skills:\n  - name: Languages\n    keywords: [Java, Python, Go]  # ordered\n', 2, 0),
        'skills:\n  - name: Languages\n    keywords: [Go, Java, Python]  # ordered\n',
      );
    });

    it('moves the whole line of a block list, its comment with it', () => {
      const text = 'skills:\n  - name: Languages\n    keywords:\n      - Java    # since 2015\n      - Go      # since 2019\n      - SQL\n';
      assert.equal(
        move(text, 1, 0),
        'skills:\n  - name: Languages\n    keywords:\n      - Go      # since 2019\n      - Java    # since 2015\n      - SQL\n',
      );
    });

    it('moves the last line of a file without a final line break', () => {
      assert.equal(
        move('skills:\n  - name: L\n    keywords:\n      - Java\n      - Go', 1, 0),
        'skills:\n  - name: L\n    keywords:\n      - Go\n      - Java',
      );
    });

    it('moves before the first language, not the first keyword', () => {
      assert.equal(
        move('skills:\n  - name: Languages\n    keywords: [gRPC, Java, Go]\n', 2, 1),
        'skills:\n  - name: Languages\n    keywords: [gRPC, Go, Java]\n',
      );
    });

    it('keeps quoted items as written', () => {
      assert.equal(
        move('skills:\n  - name: L\n    keywords: ["C#", \'Go\']\n', 1, 0),
        'skills:\n  - name: L\n    keywords: [\'Go\', "C#"]\n',
      );
    });
  });

  describe('putting a term before an item', () => {
    it('in a flow list, before the item, keeping the comment after the list', () => {
      assert.equal(
        insert('skills:\n  - name: Languages\n    keywords: [Python, SQL]  # daily\n', 0, 'Go'),
        'skills:\n  - name: Languages\n    keywords: [Go, Python, SQL]  # daily\n',
      );
      assert.equal(
        insert('skills:\n  - name: Languages\n    keywords: [gRPC, Python]\n', 1, 'C#'),
        'skills:\n  - name: Languages\n    keywords: [gRPC, C#, Python]\n',
      );
    });

    it('in a block list, on its own line at the dashes, the item keeping its line and comment', () => {
      assert.equal(
        insert('skills:\n  - name: Languages\n    keywords:\n      - Python  # daily\n      - SQL\n', 0, 'Go'),
        'skills:\n  - name: Languages\n    keywords:\n      - Go\n      - Python  # daily\n      - SQL\n',
      );
    });

    it('in a JSON list with an item per line, on a line of its own; on one line, after a comma', () => {
      assert.equal(
        insert('{"skills": [{"name": "Languages", "keywords": [\n  "Python",\n  "SQL"\n]}]}\n', 0, 'Go'),
        '{"skills": [{"name": "Languages", "keywords": [\n  "Go",\n  "Python",\n  "SQL"\n]}]}\n',
      );
      assert.equal(
        insert('{"skills": [{"name": "Languages", "keywords": ["Python", "SQL"]}]}\n', 0, 'Go'),
        '{"skills": [{"name": "Languages", "keywords": ["Go", "Python", "SQL"]}]}\n',
      );
    });

    it('nothing where the item starts on the line after its dash, or there is no such item', () => {
      assert.equal(insert('skills:\n  - name: L\n    keywords:\n      -\n        Python\n', 0, 'Go'), undefined);
      assert.equal(insert('skills:\n  - name: L\n    keywords: [Python]\n', 3, 'Go'), undefined);
    });
  });
});

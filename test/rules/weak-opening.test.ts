import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { Fix } from '../../server/src/engine/types';
import rule from '../../server/src/rules/weak-opening';
import { applyEdits, findingsOfRule, textAt, workResume } from '../helpers';
import { highlightAt, readResume } from '../fixes/readBack';
import { first } from '../support/lists';

const find = findingsOfRule(rule);
const phrases = (text: string): string[] => find(text).map((f) => textAt(text, f.range));

/** Each bullet, alone in a resume, is flagged on exactly its phrase. */
function assertPhrases(cases: readonly (readonly [bullet: string, phrase: string])[]): void {
  for (const [bullet, phrase] of cases) assert.deepEqual(phrases(workResume([bullet])), [phrase], bullet);
}

/** No bullet, alone in a resume, is flagged. */
function assertQuiet(bullets: readonly string[]): void {
  for (const bullet of bullets) assert.deepEqual(find(workResume([bullet])), [], bullet);
}

function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value === 'string' ? '' : value;
}

function commented(bullet: string): string {
  return workResume([bullet]).replace('    highlights:\n', '    # the platform years\n    highlights:\n');
}

/** Every fix of the only finding, applied: the new bullet texts, each checked to clear the finding and keep the YAML. */
function rewritten(bullet: string): string[] {
  const text = commented(bullet);
  const finding = first(find(text));
  assert.ok(finding, `no finding for ${bullet}`);
  return finding.fixes.map((fix) => {
    const fixed = applyFix(text, fix);
    assert.deepEqual(find(fixed), [], fix.title);
    assert.deepEqual(shape(parse(fixed)), shape(parse(text)), fix.title);
    assert.ok(fixed.includes('# the platform years'), fix.title);
    assert.ok(!fix.edits.some((edit) => edit.snippet), 'no template slots');
    return String(highlightAt(readResume(fixed), 0));
  });
}

describe('weak-opening', () => {
  it('flags the weak phrase itself, with a message naming it', () => {
    const text = workResume(['Responsible for building the billing service']);
    const finding = first(find(text));
    assert.equal(textAt(text, finding.range), 'Responsible for');
    assert.equal(finding.message, '`Responsible for` is a weak opening: start with what you did (Built, Owned).');
    assert.equal(finding.severity, 'warning');
  });

  it('recognises each listed phrase and its common variants', () => {
    const cases: [string, string][] = [
      ['Responsible for the billing service', 'Responsible for'],
      ['Worked on the checkout flow', 'Worked on'],
      ['Worked closely with the data team on forecasting', 'Worked closely with'],
      ['Worked in the payments squad', 'Worked in'],
      ['Helped migrate the ledger to Postgres', 'Helped'],
      ['Helping with the on-call rotation', 'Helping with'],
      ['Assisted with the SOC 2 audit', 'Assisted with'],
      ['Participated in the design review of the event bus', 'Participated in'],
      ['Involved in the Kafka rollout', 'Involved in'],
      ['Tasked with reducing cloud spend', 'Tasked with'],
      ['Duties included reviewing pull requests', 'Duties included'],
      ['Tasks include: code review and releases', 'Tasks include'],
      ['Contributed to the open-source SDK', 'Contributed to'],
      ['Part of the team that built the search service', 'Part of the team'],
      ['A member of the platform team', 'A member of the platform team'],
      ['Member of the architecture guild', 'Member of'],
      ['Was responsible for the release process', 'Was responsible for'],
      ['I helped design the rate limiter', 'I helped'],
      ['I was involved in the migration', 'I was involved in'],
      ['Successfully helped resolve the outage', 'Successfully helped'],
      ['In charge of the nightly batch jobs', 'In charge of'],
    ];
    assertPhrases(cases);
  });

  it('looks past markdown emphasis and a typed bullet marker', () => {
    const bold = workResume(['**Responsible for** building the API']);
    assert.deepEqual(phrases(bold), ['Responsible for']);
    assert.deepEqual(phrases(workResume(['- Worked on the payments API'])), ['Worked on']);
  });

  it('leaves strong openings, later mentions and strong openings in other languages alone', () => {
    const bullets = [
      'Built the billing service in Go',
      'Led the team responsible for the billing service',
      'Designed the API and worked with product on the roadmap',
      'I led the migration to Kubernetes',
      'Was highlighted in the company newsletter',
      'Help desk support for 200 users',
      'Contributed a patch to the Linux kernel',
      'Collaborated with designers to ship the checkout redesign',
      'Développement d’une API de paiement en Go',
      'Migré l’API de paiement dont j’étais responsable',
      'Desarrollé una API de pagos en Go',
      'Entwicklung einer Zahlungs-API in Go',
    ];
    assertQuiet(bullets);
  });

  it('reads a key word with one letter dropped, added, changed or swapped as the word it misspells', () => {
    const cases: [string, string][] = [
      ['Responsable for the billing service', 'Responsable for'],
      ['Respnsible for the billing service', 'Respnsible for'],
      ['Responsibile for on-call', 'Responsibile for'],
      ['Was responsable for the nightly jobs', 'Was responsable for'],
      ['Worked closley with the data team', 'Worked closley with'],
      ['Wroked on the order-matching engine', 'Wroked on'],
      ['Partcipated in design reviews', 'Partcipated in'],
      ['Assited the SRE team with the upgrade', 'Assited'],
      ['Helpped migrate the ledger', 'Helpped'],
      ['Contibuted to the Terraform provider', 'Contibuted to'],
      ['Involed in the redesign', 'Involed in'],
      ['Taksed with reducing the cloud bill', 'Taksed with'],
    ];
    assertPhrases(cases);
    const text = workResume(['Respnsible for the billing service']);
    assert.equal(first(find(text)).message, '`Respnsible for` is a weak opening: start with what you did (Owned, Ran, Led).');
  });

  it('rewrites a misspelt phrase as it rewrites the phrase, the typo gone with it', () => {
    assert.deepEqual(rewritten('Respnsible for building the billing service'), [
      'Built the billing service',
      'Owned and built the billing service',
    ]);
    assert.deepEqual(rewritten('Worked closley with designers on the app'), [
      'Partnered closely with designers on the app',
      'Collaborated closely with designers on the app',
    ]);
    assert.deepEqual(rewritten('Partcipated in rebuilding the website'), ['Rebuilt the website', 'Partnered on rebuilding the website']);
  });

  it('never reads a real word one letter away as a misspelling, nor a misspelling outside the weak shape', () => {
    const bullets = [
      'Responsive web design for the customer portal',
      'Responsibly disclosed three vulnerabilities for vendors',
      'Forked on GitHub and extended the scheduler',
      'Talked with customers to shape the roadmap',
      'Helmed the migration of the ledger',
      'Worker pool redesigned to cut queue latency',
      'Asked with little notice to lead the incident review',
      'Respnsible engineers were paged less often after the alerting rework',
    ];
    assertQuiet(bullets);
  });

  it('recognises the noun forms of the phrases', () => {
    const cases: [string, string][] = [
      ['Participation in the design of the billing platform', 'Participation in'],
      ['Contributions to multiple open-source projects', 'Contributions to'],
      ['Collaboration with the data team on the pipeline', 'Collaboration with'],
      ['Responsibility for the on-call rotation', 'Responsibility for'],
      ['Engaged with the product team to build tooling', 'Engaged with'],
      ['Responsibilities have included code review', 'Responsibilities have included'],
    ];
    assertPhrases(cases);
    assert.deepEqual(rewritten('Contributions to multiple open-source projects'), [
      'Built features for multiple open-source projects',
      'Shipped changes to multiple open-source projects',
    ]);
  });

  it('flags the same openings in French, Spanish and German, with verbs of that language and no rewrite', () => {
    const cases: [string, string, string][] = [
      ['Participation à la migration du monolithe', 'Participation à', 'Conception, Développement, Migration'],
      ['Responsable de la plateforme de facturation et de son astreinte', 'Responsable de', 'Conception, Développement, Migration'],
      ['Responsable du déploiement continu', 'Responsable du', 'Conception, Développement, Migration'],
      ['Chargée du suivi des incidents', 'Chargée du', 'Conception, Développement, Migration'],
      ['En charge de l’intégration des paiements', 'En charge de', 'Conception, Développement, Migration'],
      ['Collaboration avec l’équipe produit', 'Collaboration avec', 'Conception, Développement, Migration'],
      ['J’ai participé à la conception de l’architecture', 'J’ai participé à', 'Conception, Développement, Migration'],
      ['Contribution à divers projets open source', 'Contribution à', 'Conception, Développement, Migration'],
      ['Participación en el diseño de la API de pagos', 'Participación en', 'Diseñé, Desarrollé, Lideré'],
      ['Responsable de la infraestructura en AWS y del monitoreo', 'Responsable de', 'Diseñé, Desarrollé, Lideré'],
      ['Encargado de la migración de servicios', 'Encargado de', 'Diseñé, Desarrollé, Lideré'],
      ['Colaboración con el equipo de datos', 'Colaboración con', 'Diseñé, Desarrollé, Lideré'],
      ['Colaboré en el desarrollo de la aplicación', 'Colaboré en', 'Diseñé, Desarrollé, Lideré'],
      ['Participé en la migración del monolito', 'Participé en', 'Diseñé, Desarrollé, Lideré'],
      ['Mitarbeit an der Migration des Monolithen', 'Mitarbeit an', 'Entwicklung, Konzeption, Leitung'],
      ['Verantwortlich für die Zahlungsplattform', 'Verantwortlich für', 'Entwicklung, Konzeption, Leitung'],
      ['Zuständig für CI/CD', 'Zuständig für', 'Entwicklung, Konzeption, Leitung'],
      ['Beteiligt an der Einführung von Terraform', 'Beteiligt an', 'Entwicklung, Konzeption, Leitung'],
      ['Unterstützung bei der Umstellung auf PostgreSQL', 'Unterstützung bei', 'Entwicklung, Konzeption, Leitung'],
    ];
    for (const [bullet, phrase, verbs] of cases) {
      const text = workResume([bullet]);
      const finding = first(find(text));
      assert.equal(textAt(text, finding.range), phrase, bullet);
      assert.equal(finding.message, `\`${phrase}\` is a weak opening: start with what you did (${verbs}).`, bullet);
      assert.deepEqual(finding.fixes, [], bullet);
    }
  });

  it('names no language when "Responsable de" could be French or Spanish, and finds the phrase through emphasis', () => {
    const text = workResume(['Responsable de Kubernetes']);
    assert.equal(first(find(text)).message, '`Responsable de` is a weak opening: start with what you did.');
    const bold = workResume(['**Mitarbeit an** der Migration']);
    assert.deepEqual(phrases(bold), ['Mitarbeit an']);
  });

  it('leaves look-alike words in other languages alone', () => {
    const bullets = [
      'Chargement nocturne des données optimisé avec Spark',
      'Colaboradores externos coordinados para la migración a AWS',
      'Encargos de clientes automatizados con una API nueva',
      'Mitarbeiterportal mit React und Node.js entwickelt',
      'Teilnehmerverwaltung für Konferenzen in Go gebaut',
    ];
    assertQuiet(bullets);
  });

  it('turns a gerund into its past tense, first among the suggestions', () => {
    const text = commented('Responsible for building the billing service');
    const finding = first(find(text));
    // Rewrites are suggestions: none preferred, none safe.
    assert.deepEqual(
      finding.fixes.map((fix) => [fix.title, fix.isPreferred ?? false, fix.safe ?? false]),
      [
        ['Start with "Built"', false, false],
        ['Start with "Owned and built"', false, false],
      ],
    );
    assert.deepEqual(rewritten('Responsible for building the billing service'), [
      'Built the billing service',
      'Owned and built the billing service',
    ]);
    assert.deepEqual(rewritten('Responsible for designing, building and operating the ledger'), [
      'Designed, built and operated the ledger',
    ]);
    assert.deepEqual(rewritten('Worked on building features and fixing bugs'), ['Built features and fixed bugs']);
  });

  it('turns "the design and development of" into verbs', () => {
    assert.deepEqual(rewritten('Responsible for the design and development of the PLC system'), ['Designed and developed the PLC system']);
    assert.deepEqual(rewritten('Contributed to the migration of the billing service'), [
      'Migrated the billing service',
      'Partnered on the migration of the billing service',
    ]);
  });

  it('offers ownership verbs before a noun phrase, people verbs before people', () => {
    assert.deepEqual(rewritten('Responsible for the billing service'), [
      'Owned the billing service',
      'Ran the billing service',
      'Led the billing service',
    ]);
    assert.deepEqual(rewritten('Responsible for the support engineers'), [
      'Led the support engineers',
      'Managed the support engineers',
      'Ran the support engineers',
    ]);
    assert.deepEqual(rewritten('Worked on the checkout flow'), ['Built the checkout flow', 'Developed the checkout flow']);
    assert.deepEqual(rewritten('Worked closely with designers on the app'), [
      'Partnered closely with designers on the app',
      'Collaborated closely with designers on the app',
    ]);
    assert.deepEqual(rewritten('Worked with Terraform to provision clusters'), [
      'Used Terraform to provision clusters',
      'Built with Terraform to provision clusters',
    ]);
  });

  it('offers the action and an honest "Partnered on" for help and participation', () => {
    assert.deepEqual(rewritten('Helped migrate X to Postgres'), ['Migrated X to Postgres', 'Partnered on migrating X to Postgres']);
    assert.deepEqual(rewritten('Helped upgrade and convert the web project'), [
      'Upgraded and converted the web project',
      'Partnered on upgrading and converting the web project',
    ]);
    assert.deepEqual(rewritten('Participated in rebuilding the website'), ['Rebuilt the website', 'Partnered on rebuilding the website']);
    assert.deepEqual(rewritten('Assisted with the SOC 2 audit'), ['Supported the SOC 2 audit', 'Partnered on the SOC 2 audit']);
    assert.deepEqual(rewritten('Part of the team that built the search service'), [
      'Built the search service',
      'Joined the team that built the search service',
    ]);
    const text = commented('Helped migrate X to Postgres');
    assert.ok(first(find(text)).fixes.every((fix) => !fix.isPreferred && !fix.safe));
  });

  it('drops a leading "I" or "Was" with the phrase and capitalises the new opening', () => {
    assert.deepEqual(rewritten('I was responsible for turning slow reports into dashboards'), [
      'Turned slow reports into dashboards',
      'Owned and turned slow reports into dashboards',
    ]);
    assert.deepEqual(rewritten('responsible for writing the runbooks'), ['Wrote the runbooks', 'Owned and wrote the runbooks']);
  });

  it('keeps markup after the phrase and moves emphasis onto the new verb', () => {
    assert.deepEqual(rewritten('**Responsible for** building the `billing` API'), [
      '**Built** the `billing` API',
      '**Owned and built** the `billing` API',
    ]);
  });

  it('keeps the scalar style of a plain or block bullet', () => {
    const text =
      'work:\n  - name: Acme\n    highlights:\n      - >-\n        Worked on the payments\n        API # not a comment in a block\n';
    const finding = first(find(text));
    assert.equal(textAt(text, finding.range), 'Worked on');
    const fixed = applyFix(text, first(finding.fixes));
    assert.ok(fixed.includes('      - >-\n'));
    assert.equal(highlightAt(readResume(fixed), 0), 'Built the payments API # not a comment in a block');
  });
});

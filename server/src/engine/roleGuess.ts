/**
 * Whether a resume is plainly not a backend one, read from what the person
 * calls themselves: the headline (`basics.label`, `headline`), then the
 * positions' titles, then the skills. The backend advice (backend-signals,
 * latency percentiles, availability nines, grouped skills) is held back on
 * such a resume unless `role: backend` is set. Only a plain answer counts:
 * a generic title ("Software Engineer"), full-stack, DevOps or a mix
 * ("Mobile / Backend") reads as backend, so the advice stays on.
 *
 * Through the resume view, so every layout is read the same way.
 */
import { derivedSlot } from './derived';
import { resumeView } from './layouts';
import type { ResumeModel } from './model';
import type { OffsetRange } from './types';

/** The roles a resume can plainly be instead of a backend one. */
export type OtherRole =
  | 'qa'
  | 'mobile'
  | 'frontend'
  | 'embedded'
  | 'data-analysis'
  | 'data-science'
  | 'management'
  | 'design'
  | 'security'
  | 'research'
  | 'non-software';

export interface OffRole {
  role: OtherRole;
  /** How messages name the role: "front-end". */
  roleName: string;
  /** What it was read from, for the message: "the headline `iOS Engineer`". */
  readFrom: string;
  /** Where a note about it goes: the headline, else the first key. */
  range: OffsetRange;
}

const ROLE_NAMES: Readonly<Record<OtherRole, string>> = {
  qa: 'QA / test',
  mobile: 'mobile',
  frontend: 'front-end',
  embedded: 'embedded / hardware',
  'data-analysis': 'data analyst / BI',
  'data-science': 'data science / machine learning',
  management: 'management',
  design: 'design',
  security: 'security',
  research: 'research',
  'non-software': 'non-software',
};

/**
 * Words in a title that make it backend work, or work the backend advice
 * fits (full-stack, operations, cloud, data engineering, a server language).
 */
const BACKEND_TITLE =
  /(?<!\w)(?:back[- ]?end|full[- ]?stack|server[- ]side|dev(?:sec)?ops|cloud\w*|sre|site reliability|systems? reliability|platform (?:engineer|engineering|developer|team)|infrastructure|infra|apis?|graphql|micro-?services?|distributed systems?|data engineer(?:ing)?|databases?|dba|sys ?admin|system administrator|systems engineer|java|scala|golang|\.net|c#|php|ruby|rails|django|node(?:\.?js)?|python|elixir|erlang|rust)(?![\w#])/i;

/**
 * Title words per role, checked in this order: the first role that matches
 * a part of a title is its role. A kind of software work ("iOS Software
 * Engineer") wins over the generic words; a domain ("Trading Systems
 * Developer") does not: see `DOMAINS`.
 */
const ROLE_TITLES: readonly [OtherRole, RegExp][] = [
  // Before QA: a penetration tester is not a software tester.
  ['security', /\b(?:security|cybersecurity|pentester|penetration tester|offensive|red team|ctf|soc analyst|infosec|ethical hacker)\b/i],
  [
    'qa',
    /\b(?:qa|quality assurance|sdet|testers?|test (?:engineer|analyst|automation|lead|manager)|(?:developer|engineer) in test|quality engineer|software quality)\b/i,
  ],
  ['mobile', /\b(?:ios|android|mobile|swift|flutter|react native|aosp|watchos)\b/i],
  ['design', /\b(?:designer|ui\/ux|ux|user experience|graphic|visual design|product design)\b/i],
  ['frontend', /\b(?:front[- ]?end|ui (?:developer|engineer)|user interface|react developer|angular developer|vue developer)\b/i],
  [
    'embedded',
    /\b(?:embedded|firmware|hardware|fpga|asic|robotics|electronics? engineer|electrical engineer|microcontrollers?|rtos|sensor integration)\b/i,
  ],
  [
    'data-analysis',
    /\b(?:data analyst|business analyst|bi (?:developer|analyst|engineer)|business intelligence|reporting analyst|analytics analyst)\b/i,
  ],
  [
    'data-science',
    /\b(?:data scientist|data science|machine learning|ml|computer vision|cv engineer|deep learning|nlp (?:engineer|scientist)|research scientist)\b/i,
  ],
  [
    'management',
    /\b(?:product manager|project manager|program manager|pm|product owner|scrum master|delivery manager|engineering manager|director of engineering|head of engineering|vp of engineering|chief of staff|agile coach)\b/i,
  ],
  [
    'non-software',
    /\b(?:clinical|nurse|nursing|physician|pharmacist|teacher|accountant|accounting|auditor|financial|finance|trader|trading|banker|banking|economist|sales|account executive|marketing|recruiter|talent acquisition|human resources|lawyer|attorney|paralegal|chef|barista|cashier|mechanical engineer|civil engineer|chemical engineer|aerospace|copywriter|journalist|biologist|chemist)\b/i,
  ],
  // Weak: a researcher may well build backends; only a resume of research positions alone reads as research.
  ['research', /\b(?:research assistant|researcher|research fellow|postdoc(?:toral)?|ph\.?d\.? (?:student|candidate)|doctoral)\b/i],
];

/** Words that make a title software work of no particular kind: the backend advice may fit. */
const GENERIC_TITLE =
  /\b(?:software|developer|programmer|engineer|engineering|sde|swe|coder|architect|tech lead|technical lead|cto|desarrollador|développeur|developpeur|ingénieur|ingeniero|programador|entwickler)\b/i;

/** How a title (or one part of one) reads. */
type TitleClass = { kind: 'backend' } | { kind: 'role'; role: OtherRole } | { kind: 'mixed' } | { kind: 'generic' } | { kind: 'neutral' };

/**
 * A title's parts, for titles that name two jobs ("Software Developer/Data
 * Scientist", "Android & Backend Engineer"); a slash between short words
 * (`UI/UX`, `ML/CV`) joins them.
 */
function titleParts(title: string): string[] {
  return title
    .replace(/(\p{L}{3,})\/(?=\p{L}{3,})/gu, '$1 | ')
    .split(/\s*(?:[|,;·•]|\s\/\s|\s[-–—]\s|\s&\s|\sand\s|\s\+\s)\s*/u)
    .filter((part) => part.trim() !== '');
}

/** Roles named by their domain, not by a kind of software work: beside a generic word, the title is software work. */
const DOMAINS: ReadonlySet<OtherRole> = new Set(['non-software', 'research']);

function partClass(part: string): TitleClass {
  if (BACKEND_TITLE.test(part)) return { kind: 'backend' };
  const matches = ROLE_TITLES.filter(([, pattern]) => pattern.test(part)).map(([role]) => role);
  const work = matches.find((role) => !DOMAINS.has(role));
  if (work) return { kind: 'role', role: work };
  if (GENERIC_TITLE.test(part)) return { kind: 'generic' };
  return matches[0] ? { kind: 'role', role: matches[0] } : { kind: 'neutral' };
}

/** A whole title: backend if any part is; a role named beside generic software work ("Software Developer/Data Scientist") is a mix. */
export function titleClass(title: string): TitleClass {
  const parts = titleParts(title).map(partClass);
  if (parts.some((part) => part.kind === 'backend')) return { kind: 'backend' };
  const role = parts.find((part) => part.kind === 'role');
  const generic = parts.some((part) => part.kind === 'generic');
  if (role) return generic ? { kind: 'mixed' } : role;
  return generic ? { kind: 'generic' } : { kind: 'neutral' };
}

/** Skills that are backend work; a skills list with several says the backend advice fits. */
const BACKEND_SKILL =
  /^(?:back[- ]?end.*|sql|postgres(?:ql)?|mysql|mariadb|mongodb|redis|cassandra|dynamodb|kafka|rabbitmq|elasticsearch|spring(?: boot)?|django|flask|fastapi|express(?:\.?js)?|node(?:\.?js)?|ruby on rails|rails|laravel|asp\.net(?: core)?|\.net(?: core)?|go|golang|grpc|graphql|rest(?:ful)?(?: apis?)?|microservices?|kubernetes|docker|terraform|aws|gcp|azure|java|scala|elixir|php)$/i;

/** Skills that belong to one other role. */
const ROLE_SKILLS: readonly [OtherRole, RegExp][] = [
  [
    'mobile',
    /^(?:ios|android|swift|swiftui|uikit|objective-c|xcode|jetpack compose|flutter|react native|android sdk|kotlin multiplatform|kmm|core data)$/i,
  ],
  [
    'frontend',
    /^(?:react(?:\.?js)?|vue(?:\.?js)?|angular(?:js)?|svelte|css3?|html5?|sass|scss|less|tailwind(?: css)?|webpack|redux|next\.?js|jquery|storybook)$/i,
  ],
  ['qa', /^(?:selenium|cypress|playwright|appium|testrail|jmeter|cucumber|manual testing|test automation|test planning)$/i],
  [
    'embedded',
    /^(?:rtos|freertos|zephyr|microcontrollers?|stm32|arduino|fpga|verilog|vhdl|embedded c|embedded linux|can bus|i2c|spi|uart)$/i,
  ],
  ['data-analysis', /^(?:tableau|power bi|excel|looker|qlik|google analytics|spss)$/i],
  ['design', /^(?:figma|sketch|adobe xd|photoshop|illustrator|invision|indesign|after effects)$/i],
];

/** Every skill written, group names included, split where one value lists several ("React, Vue"). */
function skillItems(model: ResumeModel): string[] {
  return resumeView(model).skills.groups.flatMap((group) =>
    [group.name, ...group.items]
      .flatMap((item) => item.split(/\s*[,;]\s*/))
      .map((item) => item.trim())
      .filter(Boolean),
  );
}

interface SkillCount {
  backend: number;
  byRole: Map<OtherRole, number>;
}

function countSkills(items: readonly string[]): SkillCount {
  const byRole = new Map<OtherRole, number>();
  let backend = 0;
  for (const item of items) {
    if (BACKEND_SKILL.test(item)) backend++;
    const role = ROLE_SKILLS.find(([, pattern]) => pattern.test(item))?.[0];
    if (role) byRole.set(role, (byRole.get(role) ?? 0) + 1);
  }
  return { backend, byRole };
}

/** Several backend skills, at least as many as any other role's: the skills say the backend advice fits. */
function skillsSayBackend({ backend, byRole }: SkillCount): boolean {
  return backend >= 3 && [...byRole.values()].every((count) => backend >= count);
}

const quoted = (text: string) => `\`${text.replace(/`/g, "'").replace(/\s+/g, ' ').trim()}\``;

const OFF_ROLE = derivedSlot<OffRole | undefined>('off role');

/** The other role the resume plainly is, and what says so; undefined when it is, or may be, a backend one. */
export function offRoleOf(model: ResumeModel): OffRole | undefined {
  return model.derived.get(OFF_ROLE, () => guess(model));
}

function guess(model: ResumeModel): OffRole | undefined {
  const view = resumeView(model);
  if (!view.readable) return undefined;
  const headline = view.basics.headline;
  const range = headline?.range ?? view.rootAnchor;
  const found = (role: OtherRole, readFrom: string): OffRole => ({ role, roleName: ROLE_NAMES[role], readFrom, range });
  const titles = view.entries.filter((entry) => entry.kind === 'work' && entry.title).map((entry) => entry.title as string);
  const classes = titles.map(titleClass);

  const label = headline ? titleClass(headline.text) : { kind: 'neutral' as const };
  if (label.kind === 'backend' || label.kind === 'mixed') return undefined;
  if (label.kind === 'role' && label.role !== 'research') {
    // "Android Engineer" whose current job is a backend one is a mix.
    return classes[0]?.kind === 'backend' ? undefined : found(label.role, `the headline ${quoted(headline?.text ?? '')}`);
  }

  if (classes.length > 0) return fromPositions(model, titles, classes, found);
  if (label.kind === 'generic') return undefined;
  return fromSkills(model, found);
}

/**
 * The positions, newest first: the newest of another role, and the other
 * roles' titles outnumbering the generic and mixed ones and, twice over,
 * the backend ones. Research counts only when every position that says
 * anything is research.
 */
function fromPositions(
  model: ResumeModel,
  titles: readonly string[],
  classes: readonly TitleClass[],
  found: (role: OtherRole, readFrom: string) => OffRole,
): OffRole | undefined {
  const newest = classes[0];
  if (newest?.kind !== 'role') return undefined;
  const count = (kinds: readonly TitleClass['kind'][]) => classes.filter((title) => kinds.includes(title.kind)).length;
  const roles = count(['role']);
  if (roles <= count(['generic', 'mixed']) + 2 * count(['backend'])) return undefined;
  const notResearch = (title: TitleClass) => title.kind !== 'neutral' && !(title.kind === 'role' && title.role === 'research');
  if (newest.role === 'research' && classes.some(notResearch)) return undefined;
  // A front-end title over a backend skills list is a mix; a clinical data manager's SQL is not backend work.
  const hasSkillTerms = ROLE_SKILLS.some(([role]) => role === newest.role);
  if (hasSkillTerms && skillsSayBackend(countSkills(skillItems(model)))) return undefined;
  const shown = titles.filter((_title, index) => classes[index]?.kind === 'role').slice(0, 2);
  const more = roles > shown.length ? ', …' : '';
  return found(newest.role, `the positions ${shown.map(quoted).join(', ')}${more}`);
}

/** With nothing else to go on: several skills of one other role and no backend ones. */
function fromSkills(model: ResumeModel, found: (role: OtherRole, readFrom: string) => OffRole): OffRole | undefined {
  const items = skillItems(model);
  const count = countSkills(items);
  if (count.backend > 0) return undefined;
  const [role, times] = [...count.byRole.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!role || !times || times < 3) return undefined;
  const pattern = ROLE_SKILLS.find(([candidate]) => candidate === role)?.[1];
  const shown = items.filter((item) => pattern?.test(item)).slice(0, 3);
  return found(role, `the skills ${shown.map(quoted).join(', ')}`);
}

/**
 * Older JSON Resume files (and themes that still read them) use earlier
 * names for a few keys: `work[].company`, `website`, `picture`, `gpa`. Read
 * before converting, each under its current name, with a note; a key whose
 * current name is there too stays as it is.
 */
import { isRecord, Notes, type Plain } from './shape';

const RENAMES: Record<string, Record<string, string>> = {
  basics: { website: 'url', picture: 'image' },
  work: { company: 'name', website: 'url' },
  volunteer: { website: 'url' },
  education: { gpa: 'score', website: 'url' },
  awards: {},
  certificates: { website: 'url' },
  publications: { website: 'url' },
  projects: { website: 'url' },
};

export function withCurrentKeys(resume: Plain, notes: Notes): Plain {
  const out: Plain = { ...resume };
  for (const [section, renames] of Object.entries(RENAMES)) {
    const value = resume[section];
    if (section === 'basics') {
      if (isRecord(value)) out.basics = renamed(value, renames, [section], notes);
    } else if (Array.isArray(value)) {
      out[section] = (value as unknown[]).map((entry, index): unknown =>
        isRecord(entry) ? renamed(entry, renames, [section, index], notes) : entry,
      );
    }
  }
  return out;
}

function renamed(entry: Plain, renames: Record<string, string>, path: (string | number)[], notes: Notes): Plain {
  const out: Plain = {};
  for (const [key, value] of Object.entries(entry)) {
    const current = renames[key];
    if (current !== undefined && !(current in entry)) {
      out[current] = value;
      notes.add([...path, key], `read as ${current}, the current name of this key`);
    } else {
      out[key] = value;
    }
  }
  return out;
}

// The edits a policy officer might save while the service is busy: a good one (a new version), a save cut off
// half way (invalid JSON), and a pack that parses but breaks the schema. Pure: pack text in, pack text out.

export interface EditedPack {
  readonly text: string;
  /** The version the edited file claims. */
  readonly version: string;
}

type PackJson = Record<string, unknown> & { version: string };

const parsePack = (text: string) => JSON.parse(text) as PackJson;
const soakVersion = (version: string) => `${version}+soak`;

/** The same rules under a new version: a valid edit that must go live. */
export function withNewVersion(text: string): EditedPack {
  const pack = parsePack(text);
  const version = soakVersion(pack.version);
  return { text: JSON.stringify({ ...pack, version }, null, 2), version };
}

/** The first half of the file, as an editor that crashed mid-save leaves it. */
export function cutOffHalfWay(text: string): EditedPack {
  return { text: text.slice(0, Math.floor(text.length / 2)), version: parsePack(text).version };
}

/** A new version that claims another authority: it must never answer for that authority. */
export function movedTo(text: string, authorityId: string): EditedPack {
  const pack = parsePack(text);
  const version = soakVersion(pack.version);
  return { text: JSON.stringify({ ...pack, authorityId, version }, null, 2), version };
}

/** A new version without its required `scheme`: valid JSON the schema refuses. */
export function withoutScheme(text: string): EditedPack {
  const { scheme: _scheme, ...rest } = parsePack(text);
  const version = soakVersion(rest.version);
  return { text: JSON.stringify({ ...rest, version }, null, 2), version };
}

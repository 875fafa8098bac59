import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../errors';

/**
 * Tinos (metric-compatible with Times New Roman, the Party's usual face) embedded as data: URIs, so a
 * printout is one self-contained string that looks the same in the preview iframe, in the PDF and on
 * paper, whatever fonts the office PC has.
 */

const SUBSETS = [
  // Both subsets are needed: the Vietnamese one holds only ă, đ, ơ, ư and the letters with dots and
  // hooks; à, á, â, ê, ô… come from Latin. Ranges copied from @fontsource/tinos 5.3 (unicode.json).
  {
    name: 'latin',
    range:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
  {
    name: 'vietnamese',
    range:
      'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  },
] as const;

const STYLES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'normal' },
  { weight: 700, style: 'italic' },
] as const;

/** The eight files, named as in @fontsource/tinos/files and in resources/fonts. */
export const TINOS_FILES: readonly string[] = SUBSETS.flatMap((s) => STYLES.map((v) => `tinos-${s.name}-${v.weight}-${v.style}.woff2`));

export interface FontOptions {
  /** A folder holding TINOS_FILES; tried before the packaged app's resources and node_modules. */
  fontsDir?: string;
}

const cache = new Map<string, string>();
let defaultDir: string | null = null;

/** The @font-face block for Tinos; the files are read once per folder and kept. */
export function fontFaceCss(options: FontOptions = {}): string {
  const dir = options.fontsDir ? findFontsDir(options.fontsDir) : (defaultDir ??= findFontsDir(undefined));
  let css = cache.get(dir);
  if (css === undefined) {
    css = buildCss(dir);
    cache.set(dir, css);
  }
  return css;
}

function buildCss(dir: string): string {
  const blocks: string[] = [];
  for (const subset of SUBSETS) {
    for (const v of STYLES) {
      const data = fs.readFileSync(path.join(dir, `tinos-${subset.name}-${v.weight}-${v.style}.woff2`)).toString('base64');
      blocks.push(
        `@font-face{font-family:'Tinos';font-style:${v.style};font-weight:${v.weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${subset.range};}`,
      );
    }
  }
  return blocks.join('\n');
}

/**
 * The packaged app ships the files as an extra resource (electron-builder.yml: resources/fonts →
 * <resources>/fonts); development and tests under plain Node read them from @fontsource/tinos, a
 * devDependency that the packaged app does not carry.
 */
function candidateDirs(explicit: string | undefined): string[] {
  const dirs: string[] = [];
  if (explicit) dirs.push(path.resolve(explicit));
  const resourcesPath = (process as { resourcesPath?: unknown }).resourcesPath;
  if (typeof resourcesPath === 'string' && resourcesPath) dirs.push(path.join(resourcesPath, 'fonts'));
  try {
    const pkg = createRequire(__filename).resolve('@fontsource/tinos/package.json');
    dirs.push(path.join(path.dirname(pkg), 'files'));
  } catch {
    // Not installed (the packaged app): the resources folder above is the only source.
  }
  return dirs;
}

function findFontsDir(explicit: string | undefined): string {
  const dirs = candidateDirs(explicit);
  const found = dirs.find((d) => TINOS_FILES.every((f) => fs.existsSync(path.join(d, f))));
  if (!found) {
    throw new AppError(
      'FONTS_MISSING',
      `Không tìm thấy phông chữ Tinos để in văn bản (đã tìm trong: ${dirs.join('; ') || 'không có thư mục nào'}). Hãy cài đặt lại phần mềm.`,
    );
  }
  return found;
}

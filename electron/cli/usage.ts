import { DESCRIBE_USAGE } from './describe-usage.ts';

/** --help texts. Kept beside each other so the flags read the same in every command. */

const GATEWAY = `Gateway (instead of the offline engines):
  --base-url URL       an OpenAI-compatible base URL ending in /v1 (https, or http on localhost)
  --protocol P         openai-images (default) | chat-image | json-relay
  --model M            model id (default gpt-image-1 for openai-images,
                       google/gemini-2.5-flash-image for chat-image; json-relay needs one)
  --provider NAME      a gateway profile saved in the app (its id or name), or "offline"
  --data-dir DIR       where the app keeps its settings (default: $INFILL_DATA_DIR, else the
                       desktop app's folder, then the browser version's)
  The API key: a saved profile's own key if the CLI can read it (keys the app encrypted with
  the system keychain it cannot), else INFILL_API_KEY. It is never printed or logged.
  What each gateway job cost goes into the app's usage log: the profile's folder, or for
  --base-url the --data-dir / INFILL_DATA_DIR folder, else the app's if the app has run here.`;

const JOB = `Job options:
  --prompt TEXT        what to paint (gateways; the offline engines ignore it)
  --engine E           offline engine: auto (default) | smooth | content-aware
  --n N                variations, 1-10 (default 1): FILE.png becomes FILE-1.png … FILE-N.png
                       (smooth fill is deterministic and writes one)
  --seed S             seed of the first variation (variation i uses S+i); default random
  --quality Q          JPEG/WebP quality 1-100 (default 92)
  --strip-metadata     write no prompt, provider, model or seed into the output (by default
                       PNG text chunks, XMP in JPEG/WebP/AVIF, as the app's Export does)
  -v, --verbose        progress messages on stderr even when it is not a terminal, and a
                       record of the run in the app's log (logs/infill.log in the data folder)`;

const MASK = `Mask: white (luminance >= 128) = change, black = keep, same size as IMAGE. A mask with
  transparency is flattened onto black first, so white strokes on a transparent layer work.
  --mask-alpha         read an OpenAI-style mask instead: alpha 0 = change, opaque = keep
  --exclude FILE       (inpaint, content-aware fill) where the fill must not copy from:
                       white = exclude, read like the mask`;

const SELECT = `Object selection (on this computer, no key, no network), coordinates in IMAGE's pixels as shown
(EXIF orientation applied):
  --exclude-point X,Y  a part to leave out of the object (repeatable)
  --box X,Y,W,H        the object inside this box
  --grow PX            grow the selection by PX (default 6: objects have halos and shadows)`;

const EXIT_CODES = `Exit codes: 0 done, 2 bad input, 3 gateway or auth error, 4 cancelled (Ctrl+C), 1 other.
On failure one line on stderr says why (INFILL_DEBUG=1 adds the stack of unexpected errors).
Written files are listed on stdout, one per line.`;

export const MAIN_USAGE = `infill — inpaint, outpaint and generate images from the command line

Usage:
  infill inpaint IMAGE --mask MASK [--out FILE] [options]
  infill inpaint IMAGE --select X,Y [--select X,Y …] [--out FILE] [options]
  infill select IMAGE --point X,Y [--point X,Y …] [--exclude-point X,Y …] [--box X,Y,W,H] --out MASK.png
  infill outpaint IMAGE [--left PX] [--right PX] [--top PX] [--bottom PX] [--out FILE] [options]
  infill generate --prompt TEXT (--base-url URL | --provider NAME) [--size WxH] --out FILE
  infill batch DIR [--mask-suffix _mask] [--out DIR] [--concurrency K] [options]
  infill models --base-url URL | PROFILE
  infill describe IMAGE… (--base-url URL --model M | --provider NAME) [--out FILE.jsonl]
  infill COMMAND --help     infill --version

Without --base-url or --provider NAME the job runs offline (no key, no network): smooth fill for thin marks,
content-aware fill for larger areas. The output format follows the --out extension
(.png, .jpg, .webp, .avif; .psd or .ora keep the photo and the result as layers); with --n N > 1, FILE.png becomes FILE-1.png … FILE-N.png.

${JOB}

${GATEWAY}

${MASK}

${EXIT_CODES}`;

export const COMMAND_USAGE: Record<string, string> = {
  describe: DESCRIBE_USAGE,
  select: `Usage: infill select IMAGE --point X,Y [--point X,Y …] [--exclude-point X,Y …] [--box X,Y,W,H] [--grow PX] --out MASK.png

Selects the object at the points (or inside the box) and writes it as a mask at IMAGE's size:
white = selected, black = not. Use it with infill inpaint --mask, or any editor.
  --point X,Y          a point on the object (repeatable: all points describe one object)
  --out MASK.png       where to write the mask

${SELECT}

${EXIT_CODES}`,
  inpaint: `Usage: infill inpaint IMAGE (--mask MASK | --select X,Y …) [--out FILE] [options]

Repaints the masked area of IMAGE. Every pixel outside the mask stays bit-identical (a gateway's
answer is blended in a feathered band of at most 32 px around the mask).
  --mask MASK          the mask image
  --select X,Y         instead of --mask: the object at this point (repeatable), e.g. to remove it
  --out FILE           output (.png/.jpg/.webp/.avif/.psd/.ora); default IMAGE-infill.png beside IMAGE
  --suggest            no --prompt? a vision model writes one from the area around the mask:
                       the saved profile's vision model, or --vision-model M
                       [--vision-protocol openai-chat|anthropic] with --base-url

${MASK}

${SELECT}

${JOB}

${GATEWAY}

${EXIT_CODES}`,
  outpaint: `Usage: infill outpaint IMAGE [--left PX] [--right PX] [--top PX] [--bottom PX] [--out FILE] [options]

Extends the canvas and fills the new area. The mask is the new area plus an overlap band into the
original; original pixels outside the band stay bit-identical.
  --left/--right/--top/--bottom PX   how far to extend each side
  --size WxH           or: the final size, the image centred in it
  --overlap PX         band into the original that is repainted to hide the seam (default 16)
  --out FILE           output (.png/.jpg/.webp/.avif/.psd/.ora); default IMAGE-outpaint.png beside IMAGE

${JOB}

${GATEWAY}

${EXIT_CODES}`,
  generate: `Usage: infill generate --prompt TEXT --base-url URL [--size WxH] [--n N] --out FILE

Generates a new picture from the prompt (needs a gateway).
  --size WxH           output size (default 1024x1024); the request uses the nearest size the
                       model accepts and the answer is resized to WxH
  --out FILE           output (.png/.jpg/.webp/.avif/.psd/.ora); with --n N > 1, FILE-1.png … FILE-N.png

${GATEWAY}

${EXIT_CODES}`,
  batch: `Usage: infill batch DIR [--mask-suffix _mask] [--out DIR] [--concurrency K] [options]

Inpaints every image in DIR that has a mask beside it: photo.jpg with photo_mask.png.
Resumable: images whose outputs exist are skipped, so run the same command again after a stop.
Progress: a bar on stderr when it is a terminal, one line per image otherwise.
  --mask-suffix S      mask name = image name + S (default _mask)
  --out DIR            where results go (default DIR/infilled), as NAME.png (NAME-1.png … with --n)
  --format F           png (default) | jpg | webp | avif | psd | ora
  --concurrency K      images in flight at once, 1-16 (default 2)
  --mask-alpha         masks are OpenAI-style (alpha 0 = change)

${JOB}

${GATEWAY}

${EXIT_CODES}`,
  models: `Usage: infill models --base-url URL | PROFILE [--data-dir DIR]

Lists the models a gateway offers (GET {base}/models), one per line: an ad-hoc base URL with
INFILL_API_KEY, or a profile saved in the app.

${EXIT_CODES}`,
};

/** `infill describe --help`; apart from the command so the help text loads nothing else. */
export const DESCRIBE_USAGE = `Usage: infill describe IMAGE… [--prompt TEXT] [--detail low|medium|high] [--out FILE.jsonl]
                       [--concurrency K] (--base-url URL --model M [--protocol P] | --provider NAME)

Asks a vision model to describe each image: a caption and alt text, or what --prompt asks for.
One image: the text streams to stdout as it arrives. Several (or --out): one JSON line per image
(path, text, model, tokens, cost, or the error), appended as each finishes; with --out FILE a rerun
skips the images already described, so a crash or Ctrl+C never pays twice.
  --prompt TEXT        the instruction instead of the caption + alt text one
  --detail D           long side sent to the model: low 512, medium 1024 (default), high 2048 px
  --out FILE.jsonl     append results here (and resume from it)
  --concurrency K      images in flight at once, 1-16 (default 2)
  --base-url URL       an OpenAI-compatible base URL ending in /v1
  --model M            the vision model (e.g. gpt-4.1-mini, claude-sonnet-4)
  --protocol P         openai-chat (default) | anthropic (Messages API, x-api-key)
  --provider NAME      a gateway profile saved in the app, with its vision model
  --data-dir DIR       the app's settings folder (prices, usage log)
The API key: the saved profile's, else INFILL_API_KEY; never printed. Images in any format sharp
reads (TIFF, AVIF, 16-bit, CMYK) are converted to an sRGB JPEG first.

Exit codes: 0 done, 2 bad input, 3 gateway or auth error, 4 cancelled (Ctrl+C), 1 other.
The total cost is printed on stderr at the end.`;

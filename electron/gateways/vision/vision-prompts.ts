import type { VisionTask } from '../../../shared/vision/vision-contract.ts';

/**
 * What Infill asks the vision model for each task. Answers go straight into the prompt box (or
 * the caption), so the model is told to answer with that text alone: no preamble, no quotes.
 */

export interface InstructionInput {
  task: VisionTask;
  /** The prompt as typed (translate), or a hint (suggest). */
  prompt: string;
  /** Suggest: the outlined area is mostly empty canvas (an extension). */
  extension?: boolean;
}

const ONLY = 'Answer with that text only: no preamble, no quotation marks, no explanation.';

export function instructionFor(input: InstructionInput): string {
  const hint = input.prompt.trim();
  switch (input.task) {
    case 'suggest':
      return [
        input.extension
          ? 'The grey area outlined in red is empty canvas added beside a photo. Write a short prompt for an image model that continues the scene into it: what should appear there so the whole picture reads as one photo.'
          : 'The area outlined in red is to be repainted by an image model. Write a short prompt saying what should fill it so that it fits the scene (light, perspective, style). If the outlined area holds something that looks unwanted (a person, an object, text), describe the background that belongs there instead.',
        hint ? `The person's own idea, to respect: "${hint}".` : '',
        `One or two sentences in English. ${ONLY}`,
      ]
        .filter(Boolean)
        .join('\n');
    case 'describe':
      return [
        'Describe this photo for its metadata.',
        'First line: "Caption: " and one sentence a photo editor would write.',
        'Second line: "Alt text: " and a description for someone who cannot see the image (at most 125 characters).',
        'Write in English. No other lines.',
      ].join('\n');
    case 'translate':
      return [
        'Translate this prompt for an image model into natural English, keeping its meaning, details and style words.',
        'If it is already English, return it unchanged. The photo is only context.',
        ONLY,
        '',
        hint,
      ].join('\n');
  }
}

export const maxTokensFor: Record<VisionTask, number> = { suggest: 300, describe: 300, translate: 1000 };

// The size limit of one prompt as the webview enforces it before posting: the host refuses a longer
// message, so the composer and the in-place prompt editor keep the text and say why instead.
import { maxMessageText } from '../shared/protocolValidation';
import { formatCount } from './format';

export function overLimit(text: string): boolean {
  return text.length > maxMessageText;
}

/** Why a prompt of `length` characters is not sent, and what to do about it. */
export function limitReason(length: number): string {
  return `Too long to send: this prompt has ${formatCount(length)} characters and one message can carry at most ${formatCount(maxMessageText)}. Shorten it by ${formatCount(length - maxMessageText)} characters, or add the material as context with @ instead. Your text stays here.`;
}

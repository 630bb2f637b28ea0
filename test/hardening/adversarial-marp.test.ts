import { MARP_CASES } from './adversarial';
import { describeAdversarial } from './describe-adversarial';

describeAdversarial("1 MB adversarial decks: Marp's comment, style and slide rules, directives and budgets", MARP_CASES);

import { MODEL_CASES } from './adversarial';
import { describeAdversarial } from './describe-adversarial';

describeAdversarial('1 MB adversarial decks: the patterns of the model and the rules', MODEL_CASES);

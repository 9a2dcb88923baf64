import type { SequenceType } from './ast';
import type { Evaluator } from './context';
import { isNode } from './nodes';
import { XDuration, XTemporal } from './temporal';
import { FALSE, TRUE, Untyped, type Item } from './values';

function matchesItemType(item: Item, type: string): boolean {
  switch (type.replace(/^xs:/, '')) {
    case 'item()': return true;
    case 'node()': return isNode(item);
    case 'element()': return isNode(item) && item.kind === 'element';
    case 'attribute()': return isNode(item) && item.kind === 'attribute';
    case 'document-node()': return isNode(item) && item.kind === 'document';
    case 'string': return typeof item === 'string';
    case 'untypedAtomic': return item instanceof Untyped;
    case 'boolean': return typeof item === 'boolean';
    case 'integer': return typeof item === 'number' && Number.isInteger(item);
    case 'decimal': case 'double': case 'float': case 'numeric': return typeof item === 'number';
    case 'anyAtomicType': return !isNode(item);
    case 'dateTime': case 'date': case 'time': return item instanceof XTemporal && item.type === type.replace(/^xs:/, '');
    case 'duration': return item instanceof XDuration;
    case 'dayTimeDuration': case 'yearMonthDuration': return item instanceof XDuration && item.type === type.replace(/^xs:/, '');
    default: return false;
  }
}

/** `E instance of T?` for the built-in atomic types and the node kinds. */
export function analyzeInstanceOf(operand: Evaluator, type: SequenceType): Evaluator {
  return (ctx) => {
    const items = operand(ctx);
    if (type.type === 'empty-sequence()') return items.length === 0 ? TRUE : FALSE;
    const countOk =
      type.occurrence === '' ? items.length === 1 :
      type.occurrence === '?' ? items.length <= 1 :
      type.occurrence === '+' ? items.length >= 1 : true;
    return countOk && items.every((i) => matchesItemType(i, type.type)) ? TRUE : FALSE;
  };
}

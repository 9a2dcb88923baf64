export { makeElement, makeLeaf, childrenNamed, firstChild, type NemsisElement, type Finding, type Severity } from './tree';
export { parseNemsisXml, NemsisXmlError, NEMSIS_NAMESPACE, type ParseNemsisXmlOptions } from './xml/parse-xml';
export * from './fire/index';

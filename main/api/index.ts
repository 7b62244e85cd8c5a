export { dispatch } from './dispatch';
export { createServices, ArchiveHolder, type ApiServices, type Client, type HostCapabilities } from './context';
export { methods, methodNames, events, type MethodName, type MethodInput, type MethodOutput, type EvidenceApi, type EventName, type EventPayload, type Transport } from './contract';
export type * from './dto';
export { SECTIONS } from './dto';

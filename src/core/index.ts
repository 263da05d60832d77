// Public API of the core (no vscode imports anywhere below). Data flows:
// image -> validate/sniff -> request -> transport -> response -> FaceDetectionResult[].
export * from './contract';
export * from './provider';
export * from './enums';
export * from './models';
export * from './settings';
export * from './validate';
export * from './imageSniff';
export * from './errors';
export * from './logger';
export * from './request';
export * from './response';
export * from './transport';
export * from './azureProvider';
export * from './options';

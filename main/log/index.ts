export { createFileLogger, createConsoleLogger, silentLogger, redact, type Logger, type LogLevel } from './logger';

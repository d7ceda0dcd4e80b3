// The Electron entry. Everything with state lives in the core (plain Node); this file and
// src-main/electron/** are the only ones that touch Electron.
import { startElectronApp } from './electron/app';

startElectronApp();

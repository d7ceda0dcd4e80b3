export declare function packageWithStubElectron(options: { projectDir: string; workDir: string }): Promise<{
  appOutDir: string;
  resourcesDir: string;
  asar: string;
  binary: string;
}>;

/** The workbench's name and version, written into every file it saves or exports. */
export const toolInfo = { name: 'Bitext Workbench', version: '0.1.0' } as const;

// The editor's commands come from the Tiptap extensions that @plume/editor-schema assembles; this
// app does not depend on those packages, so their command types do not reach it. These are the
// ones the toolbar and the link dialog run, as those extensions declare them. A command missing
// at run time would throw at once in the end-to-end tests, which press every button.
declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    plumeSchema: {
      setParagraph: () => ReturnType;
      setHeading: (attributes: { level: 1 | 2 | 3 | 4 | 5 | 6 }) => ReturnType;
      toggleBold: () => ReturnType;
      toggleItalic: () => ReturnType;
      toggleUnderline: () => ReturnType;
      toggleStrike: () => ReturnType;
      toggleHighlight: () => ReturnType;
      toggleBulletList: () => ReturnType;
      toggleOrderedList: () => ReturnType;
      toggleTaskList: () => ReturnType;
      toggleBlockquote: () => ReturnType;
      setLink: (attributes: { href: string }) => ReturnType;
      unsetLink: () => ReturnType;
      setHorizontalRule: () => ReturnType;
      setPageBreak: () => ReturnType;
      insertTable: (options: { rows: number; cols: number; withHeaderRow: boolean }) => ReturnType;
      addRowBefore: () => ReturnType;
      addRowAfter: () => ReturnType;
      addColumnBefore: () => ReturnType;
      addColumnAfter: () => ReturnType;
      deleteRow: () => ReturnType;
      deleteColumn: () => ReturnType;
      toggleHeaderRow: () => ReturnType;
      deleteTable: () => ReturnType;
    };
  }
}

export {};

"""PDFs of the pages people print or forward: factsheets, evidence cards, a training module's
handouts and the policymaker brief, made from the built HTML with WeasyPrint.

- `selection`: which pages get a PDF, and where it goes;
- `document`: the page's article cut out of the built HTML, its links made to work on paper, and
  the small standalone HTML document WeasyPrint renders;
- `render`: WeasyPrint, with local files only and the site's print stylesheets.

None of it imports MkDocs; wayout.mkdocs_plugins.pdf wires it into the build.
"""

"""A commission's accountability report as the AIP asks for it, in four parts, each with the
evidence Uplift gathers from what it holds beside the officer's commentary and RAG rating:
`evidence` gathers, `report` puts the parts together for the page, CSV and PDF."""

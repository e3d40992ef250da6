"""The product document in Elasticsearch and its Vietnamese analyzers.

Every text field is indexed twice: as written (lower-cased, accents kept) so an accented query
ranks exact matches first, and folded (``asciifolding`` with ``preserve_original``, "đ" -> "d")
so "ca phe" finds "cà phê". Synonyms apply at search time only, so editing them needs a rebuild
of the analyzers (``search_index --rebuild``) but never a reindex of the mapping by hand.
"""

from elasticsearch_dsl import (
    Date,
    Document,
    Integer,
    Keyword,
    Long,
    MetaField,
    Text,
    analyzer,
    token_filter,
    tokenizer,
)

from portal.text import fold

folding = token_filter("vi_folding", "asciifolding", preserve_original=True)
plain_folding = token_filter("vi_plain_folding", "asciifolding", preserve_original=False)
edge_grams = tokenizer(
    "vi_edge", "edge_ngram", min_gram=1, max_gram=20, token_chars=["letter", "digit"]
)

# Index time: accents kept ("cà phê").
vi_exact = analyzer("vi_exact", tokenizer="standard", filter=["lowercase"])
# Index time: accents kept and folded, both at the same position ("phê", "phe").
vi_folded = analyzer("vi_folded", tokenizer="standard", filter=["lowercase", folding])
# Query time without synonyms: used by fuzzy matching, where a synonym graph is not allowed.
vi_folded_plain = analyzer(
    "vi_folded_plain", tokenizer="standard", filter=["lowercase", plain_folding]
)
# Autocomplete: prefixes of every folded word ("ca", "cap", "caph", …).
vi_prefix = analyzer("vi_prefix", tokenizer=edge_grams, filter=["lowercase", plain_folding])

TEXT_FIELDS = ("title", "summary", "category_name", "cooperative_name", "area_name", "all_text")


def synonym_filter(rules):
    """A search-time synonym graph; each rule is written accented and folded."""
    lines = []
    for terms in rules:
        variants = {t.strip().lower() for t in terms if t.strip()}
        variants |= {fold(t) for t in variants}
        if len(variants) > 1:
            lines.append(", ".join(sorted(variants)))
    return token_filter("vi_synonyms", "synonym_graph", synonyms=lines or ["htx, hop tac xa"])


def search_analyzers(rules):
    synonyms = synonym_filter(rules)
    exact = analyzer("vi_exact_search", tokenizer="standard", filter=["lowercase", synonyms])
    folded = analyzer(
        "vi_folded_search", tokenizer="standard", filter=["lowercase", synonyms, plain_folding]
    )
    return exact, folded


def text_field(exact_search, folded_search, autocomplete=False):
    fields = {"folded": Text(analyzer=vi_folded, search_analyzer=folded_search)}
    if autocomplete:
        fields["prefix"] = Text(analyzer=vi_prefix, search_analyzer=vi_folded_plain)
    return Text(analyzer=vi_exact, search_analyzer=exact_search, fields=fields)


def document_class(index_name, rules=()):
    """The document bound to one concrete index, with the synonyms as they are now."""
    exact, folded = search_analyzers(rules)

    class ProductDocument(Document):
        title = text_field(exact, folded, autocomplete=True)
        summary = text_field(exact, folded)
        category_name = text_field(exact, folded)
        cooperative_name = text_field(exact, folded)
        area_name = text_field(exact, folded)
        # Every searchable word of the product in one field, so a query may mix product and place
        # ("trà sen tây hồ"). Built in Python, not with copy_to.
        all_text = text_field(exact, folded)
        title_sort = Keyword()
        url = Keyword(index=False)
        image = Keyword(index=False)
        unit = Keyword(index=False)
        summary_text = Keyword(index=False)
        cooperative_url = Keyword(index=False)
        certification_labels = Keyword(index=False)
        category_label = Keyword(index=False)
        locale = Keyword()
        category = Keyword()
        category_path = Keyword()
        area = Keyword()
        cooperative = Keyword()
        certifications = Keyword()
        ocop_stars = Integer()
        price_vnd = Long()
        published_at = Date()
        last_published_at = Date()

        class Index:
            name = index_name
            settings = {"number_of_shards": 1, "number_of_replicas": 0, "max_result_window": 10000}

        class Meta:
            dynamic = MetaField("strict")

    ProductDocument._index._name = index_name
    return ProductDocument

"""Hanoi's areas, the sectors cooperatives work in, and the kinds of certificate."""

from dataclasses import dataclass

# (name, Area.Kind value)
AREAS = [
    ("Gia Lâm", "huyen"),
    ("Hà Đông", "quan"),
    ("Thường Tín", "huyen"),
    ("Ứng Hòa", "huyen"),
    ("Phú Xuyên", "huyen"),
    ("Chương Mỹ", "huyen"),
    ("Hoài Đức", "huyen"),
    ("Thạch Thất", "huyen"),
    ("Bắc Từ Liêm", "quan"),
    ("Nam Từ Liêm", "quan"),
    ("Tây Hồ", "quan"),
    ("Cầu Giấy", "quan"),
    ("Long Biên", "quan"),
    ("Ba Vì", "huyen"),
    ("Đông Anh", "huyen"),
    ("Sóc Sơn", "huyen"),
    ("Mê Linh", "huyen"),
    ("Thanh Trì", "huyen"),
    ("Thanh Oai", "huyen"),
    ("Đan Phượng", "huyen"),
    ("Mỹ Đức", "huyen"),
    ("Quốc Oai", "huyen"),
    ("Sơn Tây", "thi_xa"),
]

SECTORS = [
    "Nông nghiệp",
    "Chăn nuôi",
    "Thủy sản",
    "Thủ công mỹ nghệ",
    "Chế biến thực phẩm",
    "Dược liệu",
    "Du lịch cộng đồng",
    "Thương mại – dịch vụ",
]


@dataclass(frozen=True)
class CertificationKind:
    name: str
    issuer: str
    prefix: str  # how the certificate numbers of this kind start
    description: str
    is_ocop: bool = False


CERTIFICATIONS = {
    "vietgap": CertificationKind(
        "VietGAP",
        "Chi cục Trồng trọt và Bảo vệ thực vật Hà Nội",
        "VietGAP-TT",
        "Thực hành sản xuất nông nghiệp tốt của Việt Nam cho trồng trọt.",
    ),
    "vietgahp": CertificationKind(
        "VietGAHP",
        "Chi cục Chăn nuôi, Thủy sản và Thú y Hà Nội",
        "VietGAHP-CN",
        "Thực hành chăn nuôi và nuôi trồng thủy sản tốt của Việt Nam.",
    ),
    "huu-co": CertificationKind(
        "Hữu cơ (TCVN 11041)",
        "Trung tâm Chứng nhận Phù hợp (QUACERT)",
        "HC",
        "Sản xuất không dùng phân bón hóa học, thuốc bảo vệ thực vật tổng hợp.",
    ),
    "haccp": CertificationKind(
        "HACCP",
        "Công ty Cổ phần Chứng nhận và Giám định Vinacert",
        "HACCP",
        "Hệ thống phân tích mối nguy và kiểm soát điểm tới hạn trong chế biến thực phẩm.",
    ),
    "iso-22000": CertificationKind(
        "ISO 22000",
        "Công ty Cổ phần Chứng nhận và Giám định Vinacert",
        "ISO22000",
        "Hệ thống quản lý an toàn thực phẩm theo tiêu chuẩn quốc tế.",
    ),
    "ocop": CertificationKind(
        "OCOP",
        "Ủy ban nhân dân thành phố Hà Nội",
        "OCOP-HN",
        "Chương trình Mỗi xã một sản phẩm; sản phẩm được đánh giá từ 3 đến 5 sao.",
        is_ocop=True,
    ),
    "nhan-hieu-tap-the": CertificationKind(
        "Nhãn hiệu tập thể",
        "Cục Sở hữu trí tuệ",
        "NHTT",
        "Nhãn hiệu chung của làng nghề, do hợp tác xã quản lý.",
    ),
}

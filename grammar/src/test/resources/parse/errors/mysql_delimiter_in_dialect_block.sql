-- revision: 0007_owned
-- revises: 0006_prev

-- +upgrade
-- +dialect mariadb
DELIMITER //
CREATE PROCEDURE p() BEGIN SELECT 1; END //
DELIMITER ;
-- +end
